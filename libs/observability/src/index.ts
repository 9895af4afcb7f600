export * from './request-context';
export * from './logger';
export * from './trace-headers';
export * from './telemetry';
export * from './run-service';
