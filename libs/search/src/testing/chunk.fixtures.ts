import type { ChunkToIndex } from '../search-index.types';

/** Whitespace analysis: enough for tests that count terms by hand. */
export function analyse(text: string): { terms: Map<string, number>; length: number } {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const terms = new Map<string, number>();
  for (const word of words) terms.set(word, (terms.get(word) ?? 0) + 1);
  return { terms, length: words.length };
}

/** A unit vector from raw components. */
export function unit(values: readonly number[]): Float32Array {
  const norm = Math.hypot(...values) || 1;
  return Float32Array.from(values, (v) => v / norm);
}

/** A seeded pseudo-random unit vector (mulberry32), so failures reproduce. */
export function randomUnit(dimensions: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return unit(Array.from({ length: dimensions }, next));
}

/** A chunk of `text` with defaults for everything a test does not care about. */
export function chunk(text: string, fields: Partial<ChunkToIndex> & Pick<ChunkToIndex, 'tenantId' | 'workspaceId' | 'documentId'>): ChunkToIndex {
  const { terms, length } = analyse(text);
  return {
    documentVersion: 1,
    chunkIndex: 0,
    text,
    tokenCount: length,
    start: 0,
    end: text.length,
    headingPath: [],
    embedding: unit([1, 0, 0, 0]),
    terms,
    length,
    tags: [],
    metadata: {},
    sourceType: 'text',
    format: 'text/plain',
    documentDate: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}
