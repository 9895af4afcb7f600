export * from './shared';
export * from './access';
export * from './email-reservation';
export * from './user';
export * from './tenant';
export * from './workspace';
export * from './api-key';
export * from './session';
