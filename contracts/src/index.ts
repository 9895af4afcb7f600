export * from './envelope';
export * from './problem';
export * from './events/event-registry';
export * from './http';
export * from './events/identity.events';
export * from './events/all-events';
export * from './events/document.schemas';
export * from './events/document.events';
