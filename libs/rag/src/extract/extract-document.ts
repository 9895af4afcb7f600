import { extractCsv } from './csv.extractor';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument, SourceFormat } from './extracted-document';
import { ExtractionError } from './extraction.error';
import { extractHtml } from './html.extractor';
import { extractJson } from './json.extractor';
import { extractMarkdown } from './markdown.extractor';
import { extractPdf } from './pdf.extractor';
import { extractPlainText } from './plain-text.extractor';
import { extractSrt } from './srt.extractor';
import { extractVtt } from './vtt.extractor';

type Extractor = (bytes: Buffer, options: ExtractOptions) => ExtractedDocument | Promise<ExtractedDocument>;

const EXTRACTORS: Readonly<Record<SourceFormat, Extractor>> = {
  text: extractPlainText,
  markdown: extractMarkdown,
  html: extractHtml,
  pdf: extractPdf,
  vtt: extractVtt,
  srt: extractSrt,
  json: extractJson,
  csv: extractCsv,
};

/** Extracts plain text and its block structure; throws `ExtractionError` for unusable documents. */
export async function extractDocument(
  bytes: Buffer,
  format: SourceFormat,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const extractor = EXTRACTORS[format];
  if (!extractor) throw new ExtractionError('DOCUMENT.UNSUPPORTED_FORMAT', `unsupported document format "${format}"`);
  const document = await extractor(bytes, options);
  // Nothing to index is a failure the uploader should hear about, not an empty success.
  if (document.blocks.length === 0) throw new ExtractionError('DOCUMENT.NO_TEXT', 'the document contains no text');
  return document;
}
