export * from './document.commands';
export * from './document.decider';
export * from './document.state';
export { requireEditor } from './document.guards';
