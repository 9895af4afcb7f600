import { z } from 'zod';

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** Settings every app shares: where NATS and Postgres are and how the log is laid out. */
export const BaseEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  EVENTS_STREAM: z.string().regex(/^[A-Za-z0-9_-]+$/).default('EVENTS'),
  EVENTS_SUBJECT_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('evt'),
  EVENTS_REPLICAS: int(1),
  CONTENT_BUCKET: z.string().regex(/^[A-Za-z0-9_-]+$/).default('RS_CONTENT'),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/ragstream'),
  DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('ragstream'),
  DB_POOL_SIZE: int(10),
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().optional(),
  READ_YOUR_WRITES_TIMEOUT_MS: int(5000),
});

/** Secrets that sign tokens and protect stored keys; long random strings in production. */
export const SecretsEnv = z.object({
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ACCESS_TTL_SECONDS: int(900),
  JWT_REFRESH_TTL_SECONDS: int(30 * 24 * 3600),
  /** Peppers API-key and e-mail hashes so a leaked database alone cannot reverse them. */
  HASH_PEPPER: z.string().min(32, 'must be at least 32 characters'),
  /** Wraps the per-user personal-data keys stored in Postgres. */
  PII_MASTER_KEY: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex characters (32 bytes)'),
});

export const HttpEnv = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000),
  OPENAPI_ENABLED: bool(true),
});

export type BaseConfig = z.infer<typeof BaseEnv>;
export type SecretsConfig = z.infer<typeof SecretsEnv>;
export type HttpConfig = z.infer<typeof HttpEnv>;
export { bool as envBool, int as envInt };
