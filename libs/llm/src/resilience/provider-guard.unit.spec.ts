import { ProviderHttpError, ProviderTimeoutError, ProviderUnavailableError } from '../provider.errors';
import { ProviderGuard } from './provider-guard';
import type { ProviderGuardEvent } from './provider-guard.events';

const http = (status: number, retryAfterMs?: number) => new ProviderHttpError('test', status, 'nope', retryAfterMs);

/** A provider double that plays a script of outcomes, one per call, and counts the calls. */
function scripted(...outcomes: (Error | string)[]) {
  let calls = 0;
  const fn = async (_signal: AbortSignal) => {
    const outcome = outcomes[Math.min(calls++, outcomes.length - 1)];
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { fn, calls: () => calls };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('ProviderGuard', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const fast = { initialBackoffMs: 10, maxBackoffMs: 40, timeoutMs: 1000 };

  it('passes a non-retryable failure through after one call and leaves the breaker closed', async () => {
    const guard = new ProviderGuard('test', { ...fast, breakerThreshold: 1 });
    const provider = scripted(http(401));
    const error = await failureOf(guard.execute(provider.fn));
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(provider.calls()).toBe(1);
    expect(guard.state).toBe('closed');
  });

  it('retries transient failures and returns the first success', async () => {
    const guard = new ProviderGuard('test', { ...fast, maxRetries: 3 });
    const provider = scripted(http(503), http(502), 'ok');
    const result = guard.execute(provider.fn);
    await jest.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toBe('ok');
    expect(provider.calls()).toBe(3);
  });

  it('gives up after maxRetries with a ProviderUnavailableError carrying the last failure', async () => {
    const guard = new ProviderGuard('test', { ...fast, maxRetries: 2 });
    const provider = scripted(http(500));
    const failure = failureOf(guard.execute(provider.fn));
    await jest.advanceTimersByTimeAsync(200);
    const error = await failure;
    expect(error).toMatchObject({ provider: 'test', reason: 'server-error' });
    expect((error as Error).cause).toMatchObject({ status: 500 });
    expect(provider.calls()).toBe(3);
  });

  it('waits exactly as long as Retry-After asks before the next attempt', async () => {
    const guard = new ProviderGuard('test', fast);
    const provider = scripted(http(429, 2000), 'ok');
    const result = guard.execute(provider.fn);
    await jest.advanceTimersByTimeAsync(1999);
    expect(provider.calls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
    expect(provider.calls()).toBe(2);
  });

  it('fails fast when Retry-After exceeds the cap, reporting the wait', async () => {
    const guard = new ProviderGuard('test', { ...fast, maxRetryAfterMs: 5000 });
    const provider = scripted(http(429, 60_000), 'ok');
    const error = await failureOf(guard.execute(provider.fn));
    expect(error).toMatchObject({ reason: 'rate-limited', retryAfterMs: 60_000 });
    expect(provider.calls()).toBe(1);
  });

  it('times out each attempt and aborts the signal the attempt was given', async () => {
    const guard = new ProviderGuard('test', { ...fast, timeoutMs: 100, maxRetries: 1 });
    const seen: AbortSignal[] = [];
    const hanging = (signal: AbortSignal) => {
      seen.push(signal);
      return new Promise<string>(() => undefined);
    };
    const failure = failureOf(guard.execute(hanging));
    await jest.advanceTimersByTimeAsync(500);
    const error = await failure;
    expect(error).toMatchObject({ reason: 'timeout' });
    expect((error as Error).cause).toBeInstanceOf(ProviderTimeoutError);
    expect(seen.map((s) => s.aborted)).toEqual([true, true]);
  });

  it('opens after N consecutive failures, refuses without calling, then half-opens and closes', async () => {
    const guard = new ProviderGuard('test', { ...fast, maxRetries: 0, breakerThreshold: 2, halfOpenAfterMs: 10_000 });
    const events: ProviderGuardEvent[] = [];
    guard.onEvent((e) => events.push(e));
    const provider = scripted(http(503), http(503), 'recovered');

    await failureOf(guard.execute(provider.fn));
    expect(guard.state).toBe('closed');
    await failureOf(guard.execute(provider.fn));
    expect(guard.state).toBe('open');

    jest.setSystemTime(Date.now() + 4000);
    const refused = await failureOf(guard.execute(provider.fn));
    expect(refused).toBeInstanceOf(ProviderUnavailableError);
    expect(refused).toMatchObject({ reason: 'circuit-open', retryAfterMs: 6000 });
    expect(provider.calls()).toBe(2);

    jest.setSystemTime(Date.now() + 6000);
    await expect(guard.execute(provider.fn)).resolves.toBe('recovered');
    expect(guard.state).toBe('closed');
    expect(events.filter((e) => e.type === 'circuit').map((e) => e.state)).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens when the half-open trial call fails', async () => {
    const guard = new ProviderGuard('test', { ...fast, maxRetries: 0, breakerThreshold: 1, halfOpenAfterMs: 1000 });
    const provider = scripted(http(503));
    await failureOf(guard.execute(provider.fn));
    jest.setSystemTime(Date.now() + 1000);
    await failureOf(guard.execute(provider.fn));
    expect(guard.state).toBe('open');
    expect(provider.calls()).toBe(2);
  });

  it('stops retrying once the breaker opens mid-call', async () => {
    const guard = new ProviderGuard('test', { ...fast, maxRetries: 5, breakerThreshold: 2 });
    const provider = scripted(http(503));
    const failure = failureOf(guard.execute(provider.fn));
    await jest.advanceTimersByTimeAsync(500);
    expect(await failure).toMatchObject({ reason: 'circuit-open' });
    expect(provider.calls()).toBe(2);
  });

  it('rejects with the caller abort at once, even during a Retry-After wait, without counting it', async () => {
    const guard = new ProviderGuard('test', { ...fast, breakerThreshold: 2 });
    const provider = scripted(http(429, 10_000), 'ok');
    const caller = new AbortController();
    const failure = failureOf(guard.execute(provider.fn, caller.signal));
    await jest.advanceTimersByTimeAsync(10);
    caller.abort(new Error('client went away'));
    expect(await failure).toMatchObject({ message: 'client went away' });
    expect(guard.state).toBe('closed');
  });

  it('reports retries to listeners with the delay about to be waited', async () => {
    const guard = new ProviderGuard('test', fast);
    const events: ProviderGuardEvent[] = [];
    guard.onEvent((e) => events.push(e));
    guard.onEvent(() => {
      throw new Error('a broken logger');
    });
    const result = guard.execute(scripted(http(429, 300), 'ok').fn);
    await jest.advanceTimersByTimeAsync(300);
    await expect(result).resolves.toBe('ok');
    expect(events).toEqual([{ type: 'retry', provider: 'test', attempt: 1, delayMs: 300, error: expect.any(ProviderHttpError) }]);
  });

  it('counts a failure recorded after a call succeeded, and leaves an open breaker alone', async () => {
    const guard = new ProviderGuard('test', { ...fast, maxRetries: 0, breakerThreshold: 2, halfOpenAfterMs: 1000 });
    await guard.recordFailure(new ProviderTimeoutError('test', 50));
    expect(guard.state).toBe('closed');
    await guard.recordFailure(new ProviderTimeoutError('test', 50));
    expect(guard.state).toBe('open');

    jest.setSystemTime(Date.now() + 1000);
    await guard.recordFailure(new ProviderTimeoutError('test', 50));
    const provider = scripted('recovered');
    await expect(guard.execute(provider.fn)).resolves.toBe('recovered');
    expect(guard.state).toBe('closed');
  });
});
