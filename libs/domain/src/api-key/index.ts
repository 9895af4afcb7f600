export * from './api-key.commands';
export * from './api-key.decider';
export * from './api-key.state';
