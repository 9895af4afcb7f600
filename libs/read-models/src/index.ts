export * from './catalog';
export * from './identity';
