import { DocumentBuilder } from './document.builder';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { ExtractionError } from './extraction.error';
import { pdfParagraphs } from './pdf-paragraphs';
import { readPdfText } from './pdf-text.reader';

const DEFAULT_TIMEOUT_MS = 60_000;

/** PDF: paragraphs per page, each anchored to its 1-based page number. */
export async function extractPdf(bytes: Buffer, options: ExtractOptions): Promise<ExtractedDocument> {
  const pdf = await readPdfText(bytes, options.pdfTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  const builder = new DocumentBuilder('\n\n', options.maxChars);
  for (const page of pdf.pages) {
    for (const paragraph of pdfParagraphs(page.text)) builder.add('paragraph', paragraph, { page: page.num });
  }
  if (builder.isEmpty) {
    throw new ExtractionError(
      'DOCUMENT.NO_TEXT',
      'the PDF has no text layer; scanned PDFs need OCR, which is not supported',
    );
  }
  return builder.build({ title: pdf.title, pageCount: pdf.total });
}
