/** Why a document could not be turned into text; the ingest caller maps the code to its own error. */
export type ExtractionErrorCode =
  | 'DOCUMENT.UNSUPPORTED_FORMAT'
  | 'DOCUMENT.CORRUPT'
  | 'DOCUMENT.NO_TEXT'
  | 'DOCUMENT.TOO_LARGE';

/** A document that cannot be extracted; `reason` is safe to show to the person who uploaded it. */
export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';

  constructor(
    readonly code: ExtractionErrorCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

/** Shorthand for the most common failure: the bytes do not follow their format. */
export function corrupt(reason: string): ExtractionError {
  return new ExtractionError('DOCUMENT.CORRUPT', reason);
}
