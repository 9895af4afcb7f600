export * from './api-key-format';
export * from './forget-user';
export * from './pii-vault';
export * from './secrets';
export * from './user-sessions';
