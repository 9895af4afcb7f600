import type { ExtractedDocument, TextBlock } from '../extract/extracted-document';

/**
 * Splits a document's non-blank blocks into top-level sections, which chunks never span. "Top
 * level" is the first heading level at which the content blocks differ: a Markdown file whose
 * single H1 is its title is divided at its H2s. A heading belongs to the section of the content
 * that follows it. A document without headings is one section.
 */
export function topLevelSections(doc: ExtractedDocument): TextBlock[][] {
  const blocks = nonBlankBlocks(doc);
  const content = blocks.filter((block) => block.kind !== 'heading');
  const depth = commonPrefixLength(content.map((block) => block.headingPath)) + 1;
  const keys: string[] = new Array(blocks.length);
  let next: string | undefined;
  // Walk backwards so each heading takes the key of the first content block after it.
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (blocks[i].kind !== 'heading') next = blocks[i].headingPath.slice(0, depth).join('\u001f');
    keys[i] = next ?? '\u0000trailing';
  }
  const sections: TextBlock[][] = [];
  blocks.forEach((block, i) => {
    if (i === 0 || keys[i] !== keys[i - 1]) sections.push([]);
    sections[sections.length - 1].push(block);
  });
  return sections;
}

/** Length of the longest prefix shared by all paths (0 for none). */
export function commonPrefixLength(paths: readonly (readonly string[])[]): number {
  if (paths.length === 0) return 0;
  let length = paths[0].length;
  for (const path of paths) {
    length = Math.min(length, path.length);
    for (let i = 0; i < length; i++) if (path[i] !== paths[0][i]) length = i;
  }
  return length;
}

function nonBlankBlocks(doc: ExtractedDocument): TextBlock[] {
  const blocks = [...doc.blocks]
    .filter((block) => block.end > block.start && /\S/.test(doc.text.slice(block.start, block.end)))
    .sort((a, b) => a.start - b.start);
  // Extractors always emit blocks, but plain text handed over without any is still chunkable.
  if (blocks.length === 0 && /\S/.test(doc.text)) return [{ kind: 'paragraph', start: 0, end: doc.text.length, headingPath: [] }];
  return blocks;
}
