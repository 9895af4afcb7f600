import { z } from 'zod';

const ms = (fallback: number) => z.number().int().min(1).default(fallback);

/** How one provider is called: per-attempt timeout, bounded retries, breaker thresholds. */
export const ResilienceOptions = z.object({
  /** Deadline of one attempt (for streams: until the response headers arrive). */
  timeoutMs: ms(30_000),
  /** Retries after the first attempt, only for transient failures. */
  maxRetries: z.number().int().min(0).max(10).default(3),
  /** First backoff step; later steps grow exponentially, with jitter, up to `maxBackoffMs`. */
  initialBackoffMs: ms(250),
  maxBackoffMs: ms(10_000),
  /** A Retry-After longer than this fails fast instead of holding the caller. */
  maxRetryAfterMs: ms(20_000),
  /** Consecutive transient failures that open the breaker. */
  breakerThreshold: z.number().int().min(1).default(5),
  /** How long an open breaker refuses calls before letting one trial call through. */
  halfOpenAfterMs: ms(30_000),
});
export type ResilienceOptions = z.infer<typeof ResilienceOptions>;
export type ResilienceOptionsInput = z.input<typeof ResilienceOptions>;

// Environment suffixes, e.g. EMBEDDING_TIMEOUT_MS or LLM_BREAKER_THRESHOLD.
const ENV_SUFFIXES = {
  timeoutMs: 'TIMEOUT_MS',
  maxRetries: 'MAX_RETRIES',
  initialBackoffMs: 'BACKOFF_INITIAL_MS',
  maxBackoffMs: 'BACKOFF_MAX_MS',
  maxRetryAfterMs: 'MAX_RETRY_AFTER_MS',
  breakerThreshold: 'BREAKER_THRESHOLD',
  halfOpenAfterMs: 'BREAKER_HALF_OPEN_MS',
} as const satisfies Record<keyof ResilienceOptions, string>;

type Suffix = (typeof ENV_SUFFIXES)[keyof ResilienceOptions];
export type ResilienceEnvKey<P extends string> = `${P}_${Suffix}`;
type EnvNumber = z.ZodDefault<z.ZodCoercedNumber<unknown>>;

/** Environment variables for one provider, `${prefix}_TIMEOUT_MS` and so on, to spread into an app's env schema. */
export function resilienceEnvShape<P extends string>(prefix: P): Record<ResilienceEnvKey<P>, EnvNumber> {
  const defaults = ResilienceOptions.parse({});
  const entries = (Object.keys(ENV_SUFFIXES) as (keyof ResilienceOptions)[]).map((key) => {
    const min = key === 'maxRetries' ? 0 : 1;
    return [`${prefix}_${ENV_SUFFIXES[key]}`, z.coerce.number().int().min(min).default(defaults[key])];
  });
  return Object.fromEntries(entries) as Record<ResilienceEnvKey<P>, EnvNumber>;
}

/** Picks the `${prefix}_*` settings out of a parsed config. */
export function resilienceFromEnv<P extends string>(prefix: P, config: Record<ResilienceEnvKey<P>, number>): ResilienceOptions {
  const picked = Object.fromEntries(
    (Object.keys(ENV_SUFFIXES) as (keyof ResilienceOptions)[]).map((key) => [key, config[`${prefix}_${ENV_SUFFIXES[key]}`]]),
  );
  return ResilienceOptions.parse(picked);
}
