import { DocumentBuilder } from './document.builder';
import type { ExtractedDocument, TextBlock } from './extracted-document';
import { HeadingPath } from './heading-path';

/** Builds documents with headings (Markdown, HTML): blocks carry the enclosing heading path. */
export class OutlineBuilder {
  private readonly document: DocumentBuilder;
  private readonly headings = new HeadingPath();
  private firstH1: string | undefined;

  constructor(maxChars?: number) {
    this.document = new DocumentBuilder('\n\n', maxChars);
  }

  heading(level: number, text: string): void {
    if (text === '') return;
    const enclosing = this.headings.enter(level, text);
    this.document.add('heading', text, { level, headingPath: enclosing });
    if (level === 1) this.firstH1 ??= text;
  }

  block(kind: Exclude<TextBlock['kind'], 'heading'>, text: string): void {
    this.document.add(kind, text, { headingPath: this.headings.current });
  }

  /** The explicit title wins; otherwise the first level-1 heading names the document. */
  build(title?: string): ExtractedDocument {
    return this.document.build({ title: title?.trim() || this.firstH1 });
  }
}
