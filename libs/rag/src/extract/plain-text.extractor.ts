import { decodeText } from './decode-text';
import { DocumentBuilder } from './document.builder';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { splitParagraphs } from './paragraphs';

/** Plain text: one paragraph block per run of non-blank lines. */
export function extractPlainText(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const builder = new DocumentBuilder('\n\n', options.maxChars);
  for (const paragraph of splitParagraphs(decodeText(bytes))) builder.add('paragraph', paragraph);
  return builder.build();
}
