export * from './http/create-http-app';
export * from './http/problem.filter';
export * from './http/public.decorator';
export * from './http/route.decorator';
export * from './http/validation.error';
export * from './health/health.controller';
export * from './infra/core-infra.module';
export * from './infra/tokens';
