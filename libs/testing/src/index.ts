export * from './test-env';
export * from './decider-spec';
