import { ProviderHttpError, ProviderNetworkError, ProviderResponseError, ProviderTimeoutError } from '../provider.errors';
import { isRetryableFailure, retryAfterOf } from './failure-classification';

const http = (status: number, retryAfterMs?: number) => new ProviderHttpError('p', status, '', retryAfterMs);

describe('isRetryableFailure', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(isRetryableFailure(http(status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])('never retries HTTP %i', (status) => {
    expect(isRetryableFailure(http(status))).toBe(false);
  });

  it('retries network failures and timeouts, not malformed answers, aborts or bugs', () => {
    expect(isRetryableFailure(new ProviderNetworkError('p', new TypeError('fetch failed')))).toBe(true);
    expect(isRetryableFailure(new ProviderTimeoutError('p', 10))).toBe(true);
    expect(isRetryableFailure(new ProviderResponseError('p', 'no data'))).toBe(false);
    expect(isRetryableFailure(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isRetryableFailure(new TypeError('x is undefined'))).toBe(false);
  });
});

describe('retryAfterOf', () => {
  it('reads the wait an HTTP failure carries', () => {
    expect(retryAfterOf(http(429, 1200))).toBe(1200);
    expect(retryAfterOf(http(503))).toBeUndefined();
    expect(retryAfterOf(new Error('x'))).toBeUndefined();
  });
});
