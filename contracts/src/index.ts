export * from './envelope';
export * from './problem';
export * from './events/event-registry';
