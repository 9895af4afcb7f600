/** Why a provider call was refused or given up on, as a caller would explain it to a user. */
export type UnavailableReason = 'circuit-open' | 'rate-limited' | 'timeout' | 'unreachable' | 'server-error';

/** The provider cannot serve now (open breaker, rate limit, retries used up); worth trying again later. */
export class ProviderUnavailableError extends Error {
  constructor(
    readonly provider: string,
    readonly reason: UnavailableReason,
    /** When the caller may reasonably try again, if known. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(`${provider} unavailable: ${reason}${retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs} ms)`}`, options);
    this.name = 'ProviderUnavailableError';
  }
}

/** A non-2xx answer; `retryAfterMs` comes from Retry-After (or retry-after-ms) when the server sent one. */
export class ProviderHttpError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number,
    /** The start of the response body, enough to read the server's complaint without logging megabytes. */
    readonly bodyExcerpt: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${provider} answered HTTP ${status}${bodyExcerpt ? `: ${bodyExcerpt}` : ''}`);
    this.name = 'ProviderHttpError';
  }
}

/** The request never got an HTTP answer: refused, reset, DNS failure. */
export class ProviderNetworkError extends Error {
  constructor(readonly provider: string, cause: unknown) {
    super(`${provider} unreachable: ${describeCause(cause)}`, { cause });
    this.name = 'ProviderNetworkError';
  }
}

/** One attempt took longer than the configured per-attempt timeout. */
export class ProviderTimeoutError extends Error {
  constructor(readonly provider: string, readonly timeoutMs: number) {
    super(`${provider} did not answer within ${timeoutMs} ms`);
    this.name = 'ProviderTimeoutError';
  }
}

/** A 2xx answer that does not have the promised shape; retrying would not change it. */
export class ProviderResponseError extends Error {
  constructor(readonly provider: string, detail: string) {
    super(`${provider} sent an unexpected response: ${detail}`);
    this.name = 'ProviderResponseError';
  }
}

// fetch hides the useful part (ECONNREFUSED, ENOTFOUND) in error.cause.
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
