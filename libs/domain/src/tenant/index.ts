export * from './tenant.commands';
export * from './tenant.decider';
export * from './tenant.state';
