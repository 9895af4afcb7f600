import { ExponentialBackoff, type IBackoff, type IRetryBackoffContext, noJitterGenerator } from 'cockatiel';
import { ProviderHttpError } from '../provider.errors';
import { RetryAfterBackoff } from './retry-after.backoff';

type Context = IRetryBackoffContext<unknown>;
const failed = (error: Error, attempt = 1): Context => ({ attempt, signal: new AbortController().signal, result: { error } });
const serverError = new ProviderHttpError('p', 503, '');
const rateLimited = (ms: number) => new ProviderHttpError('p', 429, '', ms);

function durations(backoff: RetryAfterBackoff, errors: Error[]): number[] {
  const out: number[] = [];
  let step: IBackoff<Context> | undefined;
  errors.forEach((error, i) => {
    step = (step ?? backoff).next(failed(error, i + 1));
    out.push(step.duration);
  });
  return out;
}

describe('RetryAfterBackoff', () => {
  const exact = () => new ExponentialBackoff({ generator: noJitterGenerator, initialDelay: 100, maxDelay: 1000 });

  it('grows exponentially up to the maximum when the server gives no hint', () => {
    expect(durations(new RetryAfterBackoff(exact()), Array(6).fill(serverError))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('waits what Retry-After asked for, and keeps advancing the schedule meanwhile', () => {
    expect(durations(new RetryAfterBackoff(exact()), [serverError, rateLimited(5000), serverError])).toEqual([100, 5000, 400]);
  });

  it('jitters by default within the bounds', () => {
    const jittered = new RetryAfterBackoff(new ExponentialBackoff({ initialDelay: 100, maxDelay: 1000 }));
    for (const d of durations(jittered, Array(20).fill(serverError))) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(1000);
    }
  });
});
