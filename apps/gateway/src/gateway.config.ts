import { BaseEnv, HttpEnv, envInt, loadConfig } from '@ragstream/config';
import { z } from 'zod';

// An empty value counts as unset, so compose or k8s can switch an optional upstream off.
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

export const GatewayEnv = BaseEnv.pick({ LOG_LEVEL: true, OTEL_TRACES_EXPORTER: true, OTEL_EXPORTER_OTLP_ENDPOINT: true })
  .extend(HttpEnv.shape)
  .extend({
    COMMAND_API_URL: z.url().default('http://127.0.0.1:3001'),
    QUERY_API_URL: z.url().default('http://127.0.0.1:3002'),
    /** The chat app (conventionally on :3004); unset, its routes answer 503. */
    CHAT_URL: optionalUrl,
    /** How long an upstream may stay silent before its response headers arrive; streams are not cut after that. */
    UPSTREAM_TIMEOUT_MS: envInt(30_000),
  });
export type GatewayConfig = z.infer<typeof GatewayEnv>;

/** Parsed once at boot: a bad setting stops the process with every problem listed. */
export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig => loadConfig(GatewayEnv, env);
