export * from './dead-letter';
export * from './dead-letter-queue';
export * from './dead-letter-discard';
export * from './dead-letter-retry';
export * from './dead-letter-commit';
