export * from './catalog';
export * from './identity';
export * from './documents';
export * from './conversations';
export * from './search';
