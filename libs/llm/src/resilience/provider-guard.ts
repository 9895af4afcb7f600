import {
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  type IPolicy,
  type IRetryContext,
  type TimeoutPolicy,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isTaskCancelledError,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { ProviderTimeoutError, ProviderUnavailableError } from '../provider.errors';
import { raceAbort } from './abort-race';
import { isRetryableFailure, retryAfterOf, unavailableReason } from './failure-classification';
import { type CircuitStateName, type ProviderGuardListener, type ProviderGuardEvent, circuitStateName } from './provider-guard.events';
import { ResilienceOptions, type ResilienceOptionsInput } from './resilience.config';
import { RetryAfterBackoff } from './retry-after.backoff';

/**
 * Every call to one provider goes through here: a timeout per attempt, bounded retries of
 * transient failures (honouring Retry-After), and a breaker shared by all calls so a dead
 * provider is refused at once instead of being waited on by every request.
 */
export class ProviderGuard {
  readonly options: ResilienceOptions;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly attemptTimeout: TimeoutPolicy;
  private readonly policy: IPolicy<IRetryContext>;
  private readonly listeners = new Set<ProviderGuardListener>();
  private openedAt = 0;

  constructor(readonly provider: string, options: ResilienceOptionsInput = {}) {
    const o = (this.options = ResilienceOptions.parse(options));
    this.breaker = circuitBreaker(handleWhen(isRetryableFailure), {
      halfOpenAfter: o.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(o.breakerThreshold),
    });
    // A Retry-After beyond the cap is not retried: holding the caller that long is worse than failing.
    const worthRetrying = (error: Error) => isRetryableFailure(error) && !((retryAfterOf(error) ?? 0) > o.maxRetryAfterMs);
    const retries = retry(handleWhen(worthRetrying), {
      maxAttempts: o.maxRetries,
      backoff: new RetryAfterBackoff(new ExponentialBackoff({ initialDelay: o.initialBackoffMs, maxDelay: o.maxBackoffMs })),
    });
    // Not aborted on return: a streamed body is still being read after the attempt resolves.
    this.attemptTimeout = timeout(o.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
    this.policy = wrap(retries, this.breaker);

    this.breaker.onBreak(() => (this.openedAt = Date.now()));
    this.breaker.onStateChange((state) => {
      const name = circuitStateName(state);
      this.emit({ type: 'circuit', provider, state: name, error: name === 'open' ? this.lastError() : undefined });
    });
    retries.onRetry((r) => this.emit({ type: 'retry', provider, attempt: r.attempt, delayMs: r.delay, error: 'error' in r ? r.error : r.value }));
  }

  /** The breaker's state now: closed (calls flow), open (refused), half-open (one trial call). */
  get state(): CircuitStateName {
    return circuitStateName(this.breaker.state);
  }

  /** Subscribes to retries and breaker transitions (for logs and metrics); returns the unsubscribe. */
  onEvent(listener: ProviderGuardListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` under the guard; `fn` must honour the signal it gets (it aborts at the attempt's deadline). */
  async execute<T>(fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await raceAbort(
        this.policy.execute(({ signal: policySignal }) => this.attempt(fn, policySignal, signal), signal),
        signal,
      );
    } catch (error) {
      throw this.explain(error, signal);
    }
  }

  /**
   * Counts a failure that happened after `execute` returned (a stream gone silent mid-answer), so the breaker
   * also sees providers that start and then stall. Only while closed: it must not use up a half-open trial.
   */
  async recordFailure(error: Error): Promise<void> {
    if (this.breaker.state !== CircuitState.Closed) return;
    await this.breaker.execute(() => Promise.reject(error)).catch(() => undefined);
  }

  private async attempt<T>(fn: (signal: AbortSignal) => Promise<T>, policySignal: AbortSignal, callerSignal?: AbortSignal): Promise<T> {
    let attemptSignal: AbortSignal | undefined;
    try {
      return await this.attemptTimeout.execute(({ signal }) => fn((attemptSignal = signal)), policySignal);
    } catch (error) {
      // The caller giving up is neither a provider fault nor a reason to retry.
      if (callerSignal?.aborted) throw callerSignal.reason ?? error;
      if (isTaskCancelledError(error) || attemptSignal?.aborted) throw new ProviderTimeoutError(this.provider, this.options.timeoutMs);
      throw error;
    }
  }

  private explain(error: unknown, callerSignal?: AbortSignal): unknown {
    if (callerSignal?.aborted) return error;
    if (isBrokenCircuitError(error)) {
      const retryAfterMs = Math.max(0, this.openedAt + this.options.halfOpenAfterMs - Date.now());
      return new ProviderUnavailableError(this.provider, 'circuit-open', retryAfterMs, { cause: this.lastError() ?? error });
    }
    if (!isRetryableFailure(error)) return error;
    return new ProviderUnavailableError(this.provider, unavailableReason(error), retryAfterOf(error), { cause: error });
  }

  private lastError(): unknown {
    const last = this.breaker.lastFailure;
    return last && 'error' in last ? last.error : undefined;
  }

  private emit(event: ProviderGuardEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken logger must not turn a successful call into a failure.
      }
    }
  }
}
