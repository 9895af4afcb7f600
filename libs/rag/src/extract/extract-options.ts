/** Limits and hints for `extractDocument`. */
export interface ExtractOptions {
  /** Refuse documents whose extracted text is longer than this many characters. */
  readonly maxChars?: number;
  /** Field separator for `csv`; sniffed from the first line (comma, tab, semicolon) when absent. */
  readonly csvDelimiter?: ',' | '\t' | ';';
  /** PDF parsing runs in a worker thread that is killed after this long (default 60 s). */
  readonly pdfTimeoutMs?: number;
}
