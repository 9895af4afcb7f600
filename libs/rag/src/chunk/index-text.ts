import type { Chunk } from './chunk';

/**
 * The text that is embedded and BM25-indexed for a chunk: a contextual header of the document
 * title and heading path, then the chunk text. A chunk deep in a section otherwise loses the
 * words that say what it is about. Header parts are not repeated: the title usually is the first
 * heading, and a chunk that starts with its own heading already contains it.
 */
export function indexText(chunk: Pick<Chunk, 'text' | 'headingPath'>, docTitle?: string): string {
  const header: string[] = [];
  for (const part of [docTitle, ...chunk.headingPath]) {
    const trimmed = part?.trim();
    if (trimmed && !header.includes(trimmed)) header.push(trimmed);
  }
  while (header.length > 0 && chunk.text.trimStart().startsWith(header[header.length - 1])) header.pop();
  return header.length > 0 ? `${header.join(' / ')}\n\n${chunk.text}` : chunk.text;
}
