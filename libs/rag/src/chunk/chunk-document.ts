import type { ExtractedDocument } from '../extract/extracted-document';
import { resolveChunkOptions, type Chunk, type ChunkOptions } from './chunk';
import { ChunkPacker } from './chunk-packer';
import { topLevelSections } from './sections';

/**
 * Structure-aware chunking: chunks never span top-level sections, pack whole blocks (paragraphs,
 * list items, rows, cues) up to the token budget, start afresh at a sub-heading once they hold
 * `minTokens`, and carry whole trailing sentences over when a section continues in a new chunk.
 */
export function chunkDocument(doc: ExtractedDocument, options: ChunkOptions = {}): Chunk[] {
  const resolved = resolveChunkOptions(options);
  const sections = topLevelSections(doc);
  // A document of nothing but headings still needs to be findable: its headings are its content.
  const headingsAreContent = sections.every((section) => section.every((block) => block.kind === 'heading'));
  const packer = new ChunkPacker(doc, resolved);
  for (const section of sections) {
    let lastPath: string | undefined;
    for (const block of section) {
      const isHeading = block.kind === 'heading' && !headingsAreContent;
      const path = block.headingPath.join('\u001f');
      // Sub-sections below the top level may share a chunk while small; a big enough chunk stops here.
      if (packer.contentTokens >= resolved.minTokens && (isHeading || path !== lastPath)) packer.breakHere();
      if (!isHeading) lastPath = path;
      packer.add(block, isHeading);
    }
    packer.endSection();
  }
  return packer.chunks;
}
