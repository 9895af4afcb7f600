import { z } from 'zod';
import { ResilienceOptions, resilienceEnvShape, resilienceFromEnv } from './resilience.config';

describe('resilience config', () => {
  it('has defaults for every setting', () => {
    expect(ResilienceOptions.parse({})).toEqual({
      timeoutMs: 30_000,
      maxRetries: 3,
      initialBackoffMs: 250,
      maxBackoffMs: 10_000,
      maxRetryAfterMs: 20_000,
      breakerThreshold: 5,
      halfOpenAfterMs: 30_000,
    });
  });

  it('reads prefixed environment variables into options', () => {
    const env = z.object(resilienceEnvShape('LLM')).parse({ LLM_TIMEOUT_MS: '120000', LLM_MAX_RETRIES: '0', LLM_BREAKER_HALF_OPEN_MS: '5000' });
    expect(resilienceFromEnv('LLM', env)).toMatchObject({ timeoutMs: 120_000, maxRetries: 0, halfOpenAfterMs: 5000, breakerThreshold: 5 });
  });

  it('rejects a zero timeout or breaker threshold', () => {
    const schema = z.object(resilienceEnvShape('X'));
    expect(schema.safeParse({ X_TIMEOUT_MS: '0' }).success).toBe(false);
    expect(schema.safeParse({ X_BREAKER_THRESHOLD: '0' }).success).toBe(false);
  });
});
