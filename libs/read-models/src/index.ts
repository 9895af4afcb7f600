export * from './catalog';
export * from './identity';
export * from './documents';
export * from './search';
