import { ExtractionError } from './extraction.error';
import type { BlockAnchor, ExtractedDocument, TextBlock } from './extracted-document';

type BlockDetails = Partial<BlockAnchor> & { readonly level?: number };

/**
 * Appends blocks to the output text and records their offsets, so every extractor gets
 * `text.slice(start, end) === block text` by construction rather than by care.
 */
export class DocumentBuilder {
  private text = '';
  private readonly blocks: TextBlock[] = [];

  constructor(
    private readonly separator: string,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  /** Adds one block; empty content is skipped so extractors need not check. */
  add(kind: TextBlock['kind'], content: string, details: BlockDetails = {}): void {
    if (content.length === 0) return;
    if (this.text.length > 0) this.text += this.separator;
    const start = this.text.length;
    this.text += content;
    // Checked while building so a huge document fails before it is fully materialised.
    if (this.text.length > this.maxChars) {
      throw new ExtractionError(
        'DOCUMENT.TOO_LARGE',
        `the extracted text exceeds the limit of ${this.maxChars} characters`,
      );
    }
    this.blocks.push({ kind, start, end: this.text.length, headingPath: [], ...details });
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  build(extra: { title?: string; pageCount?: number } = {}): ExtractedDocument {
    const title = extra.title?.trim();
    return {
      text: this.text,
      blocks: this.blocks,
      ...(title ? { title } : {}),
      ...(extra.pageCount === undefined ? {} : { pageCount: extra.pageCount }),
    };
  }
}
