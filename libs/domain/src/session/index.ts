export * from './session.commands';
export * from './session.decider';
export * from './session.state';
