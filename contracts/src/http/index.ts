export * from './route-contract';
export * from './openapi';
export * from './common.http';
export * from './auth.http';
export * from './workspaces.http';
export * from './api-keys.http';
export * from './me.http';
