/** Where a block sits in its source, so a chunk built from it can be cited precisely. */
export interface BlockAnchor {
  /** 1-based page number (PDF). */
  readonly page?: number;
  /** Transcript cue timing in milliseconds (WebVTT, SRT). */
  readonly startMs?: number;
  readonly endMs?: number;
  /** 1-based data row, header excluded (CSV). */
  readonly row?: number;
  /** Headings enclosing the block, outermost first (Markdown and HTML headings, PDF none). */
  readonly headingPath: readonly string[];
}

/** A structural unit of extracted text: a heading, a paragraph, a list item, a table row, a transcript cue. */
export interface TextBlock extends BlockAnchor {
  readonly kind: 'heading' | 'paragraph' | 'list-item' | 'code' | 'table-row' | 'cue';
  /** Character offsets of this block in `ExtractedDocument.text`: text.slice(start, end) is the block text. */
  readonly start: number;
  readonly end: number;
  /** Heading level 1..6 for `heading` blocks. */
  readonly level?: number;
}

/** Plain text of a document plus its structure; every block's offsets index into `text`. */
export interface ExtractedDocument {
  readonly text: string;
  readonly blocks: readonly TextBlock[];
  /** A title found in the content (first H1, HTML <title>, PDF metadata), if any. */
  readonly title?: string;
  /** Number of pages for paged formats. */
  readonly pageCount?: number;
}

/** The formats Ragstream reads. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'vtt' | 'srt' | 'json' | 'csv';
