import type { ProviderAttempt } from '@ragstream/contracts';
import { ProviderUnavailableError, type UnavailableReason } from '../provider.errors';
import { unavailableReason } from '../resilience/failure-classification';

/** Every provider of a chain was skipped or failed; `attempts` says which and why, `failures` holds the errors. */
export class ChainUnavailableError extends ProviderUnavailableError {
  constructor(
    readonly attempts: readonly ProviderAttempt[],
    readonly failures: readonly unknown[],
  ) {
    super('chain', chainReason(failures), earliestRetry(failures), { cause: failures.at(-1) });
    this.name = 'ChainUnavailableError';
    const tried = attempts.map((a) => `${a.provider} ${a.outcome}${a.reason ? ` (${a.reason})` : ''}`).join('; ');
    this.message = `no chat provider answered: ${tried || 'none configured'}`;
  }
}

/** The reason an attempt records: the error's message, cut to what the event schema keeps. */
export function attemptReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

// Only skips (open breakers) read as circuit-open; otherwise the last failure explains best what went wrong.
function chainReason(failures: readonly unknown[]): UnavailableReason {
  const last = failures.at(-1);
  if (last === undefined) return 'circuit-open';
  if (last instanceof ProviderUnavailableError) return last.reason;
  return unavailableReason(last);
}

function earliestRetry(failures: readonly unknown[]): number | undefined {
  const waits = failures.flatMap((f) => (f instanceof ProviderUnavailableError && f.retryAfterMs !== undefined ? [f.retryAfterMs] : []));
  return waits.length ? Math.min(...waits) : undefined;
}
