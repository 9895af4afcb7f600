export * from './rebuild-job';
export * from './rebuild-options';
export * from './rebuild-plan';
export * from './rebuild-progress';
export * from './rebuild-lock';
export * from './rebuild-connection';
export * from './build-tables';
export * from './build-retirement';
