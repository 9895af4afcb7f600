export * from './decider-catalog';
