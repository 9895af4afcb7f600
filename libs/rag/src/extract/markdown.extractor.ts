import { decodeText } from './decode-text';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { parseMarkdownBlocks } from './markdown-blocks';
import { OutlineBuilder } from './outline.builder';

/** Markdown: structure from headings, lists, code fences and tables; inline syntax removed from the text. */
export function extractMarkdown(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const out = new OutlineBuilder(options.maxChars);
  parseMarkdownBlocks(withoutFrontMatter(decodeText(bytes).split('\n')), out);
  return out.build();
}

// YAML front matter is metadata for site generators, not content.
function withoutFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== '---') return lines;
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  return end > 0 ? lines.slice(end + 1) : lines;
}
