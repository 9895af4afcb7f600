import { ProviderHttpError, ProviderNetworkError, ProviderTimeoutError, type UnavailableReason } from '../provider.errors';

// 408 and 429 say "not now"; 5xx says "not you". Other 4xx would fail the same way again.
const RETRYABLE_CLIENT_STATUSES = new Set([408, 429]);

/** Whether a failure is transient: network errors, timeouts, 408, 429 and 5xx. Never 400/401/403/404/422. */
export function isRetryableFailure(error: unknown): boolean {
  if (error instanceof ProviderNetworkError || error instanceof ProviderTimeoutError) return true;
  if (error instanceof ProviderHttpError) return isRetryableStatus(error.status);
  return false;
}

/** Whether an HTTP status is worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_CLIENT_STATUSES.has(status) || (status >= 500 && status <= 599);
}

/** The wait a failure asks for (from Retry-After), if it carries one. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof ProviderHttpError ? error.retryAfterMs : undefined;
}


/** How to explain a transient failure that outlived its retries. */
export function unavailableReason(error: unknown): UnavailableReason {
  if (error instanceof ProviderTimeoutError) return 'timeout';
  if (error instanceof ProviderNetworkError) return 'unreachable';
  if (error instanceof ProviderHttpError && error.status === 429) return 'rate-limited';
  if (error instanceof ProviderHttpError && error.status === 408) return 'timeout';
  return 'server-error';
}
