/** Why a URL could not be fetched; the caller maps the code to its own error. */
export type FetchErrorCode =
  | 'URL.INVALID'
  | 'URL.BLOCKED_ADDRESS'
  | 'URL.TOO_LARGE'
  | 'URL.TIMEOUT'
  | 'URL.TOO_MANY_REDIRECTS'
  | 'URL.UNSUPPORTED_CONTENT_TYPE'
  | 'URL.UNREACHABLE'
  | 'URL.HTTP_ERROR';

/** A URL that cannot be fetched; `reason` is safe to show to whoever submitted the URL. */
export class FetchError extends Error {
  override readonly name = 'FetchError';

  constructor(
    readonly code: FetchErrorCode,
    readonly reason: string,
    /** HTTP status of the final response, for `URL.HTTP_ERROR`. */
    readonly status?: number,
  ) {
    super(`${code}: ${reason}`);
  }
}
