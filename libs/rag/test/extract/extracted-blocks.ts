import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedDocument } from '@ragstream/rag';

/** Bytes of a file in test/fixtures. */
export function fixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', 'fixtures', name));
}

/** Blocks as a reader checks them: the sliced text in place of the offsets, anchors as they are. */
export function readBlocks(document: ExtractedDocument): Record<string, unknown>[] {
  return document.blocks.map(({ start, end, ...anchor }) => ({ text: document.text.slice(start, end), ...anchor }));
}
