export { detectFormat, type FormatHints } from './detect-format';
export { extractDocument } from './extract-document';
export type { ExtractOptions } from './extract-options';
export { ExtractionError, type ExtractionErrorCode } from './extraction.error';
