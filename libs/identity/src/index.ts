export * from './api-key-format';
export * from './pii-vault';
export * from './secrets';
