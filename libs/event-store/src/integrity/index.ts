export * from './canonical-json';
export * from './commit-hash';
