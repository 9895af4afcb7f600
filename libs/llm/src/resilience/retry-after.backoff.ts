import type { IBackoff, IBackoffFactory, IRetryBackoffContext } from 'cockatiel';
import { retryAfterOf } from './failure-classification';

type RetryContext = IRetryBackoffContext<unknown>;

/**
 * Waits as long as the server asked (Retry-After) and otherwise follows `schedule`
 * (exponential with jitter). The schedule advances on every retry either way, so a
 * later failure without Retry-After still backs off further than the first one.
 */
export class RetryAfterBackoff implements IBackoffFactory<RetryContext> {
  constructor(private readonly schedule: IBackoffFactory<RetryContext>) {}

  next(context: RetryContext): IBackoff<RetryContext> {
    const step = this.schedule.next(context);
    const requested = 'error' in context.result ? retryAfterOf(context.result.error) : undefined;
    return {
      duration: requested ?? step.duration,
      next: (nextContext) => new RetryAfterBackoff(step).next(nextContext),
    };
  }
}
