export * from './decider';
export * from './domain-error';
export * from './expiry';
export * from './pick';
