import { looksLikeText } from './decode-text';
import type { SourceFormat } from './extracted-document';
import { ExtractionError } from './extraction.error';
import { formatOfFileName, formatOfMediaType, mayBeText, mediaTypeEssence } from './format-names';
import { sniffFormat } from './sniff-format';

/** What is known about an upload before reading it. */
export interface FormatHints {
  readonly mediaType?: string;
  readonly fileName?: string;
  readonly bytes: Buffer;
}

/** Picks the format from the media type, then the file extension, then the content itself. */
export function detectFormat({ mediaType, fileName, bytes }: FormatHints): SourceFormat {
  const known = formatOfMediaType(mediaType) ?? formatOfFileName(fileName) ?? sniffFormat(bytes);
  if (known) return known;
  if (mayBeText(mediaType) && looksLikeText(bytes)) return 'text';
  const declared = mediaTypeEssence(mediaType);
  throw new ExtractionError(
    'DOCUMENT.UNSUPPORTED_FORMAT',
    `unsupported document format${declared ? ` (${declared})` : ''}${fileName ? ` for ${fileName}` : ''}; ` +
      'supported are text, Markdown, HTML, PDF, WebVTT, SRT, JSON and CSV',
  );
}
