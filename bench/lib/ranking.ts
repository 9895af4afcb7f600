import type { RankedChunk } from './search-api';

/**
 * A chunk ranking as a ranking of external (BEIR) document ids: each document at the rank of its
 * best chunk, as BEIR scores documents. A document ingested under several ids (identical
 * content) stands for all of them at that rank.
 */
export function documentRanking(hits: readonly RankedChunk[], externalIds: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const ranking: string[] = [];
  for (const hit of hits) {
    if (seen.has(hit.documentId)) continue;
    seen.add(hit.documentId);
    ranking.push(...(externalIds.get(hit.documentId) ?? [`unknown:${hit.documentId}`]));
  }
  return ranking;
}

const chunkId = (c: RankedChunk) => `${c.documentId}#${c.chunkIndex}`;

// Cosine similarities come back as float8 from the same vectors; anything closer than this is a tie.
const TIE = 1e-9;

/**
 * Share of the exact top-k that the approximate top-k found. A chunk tied with the exact k-th
 * counts as found: which of several equally distant chunks the exact ordering puts first is
 * arbitrary (ANN-benchmarks counts recall the same way).
 */
export function recallAtK(approximate: readonly RankedChunk[], exact: readonly RankedChunk[], k: number): number {
  const truth = exact.slice(0, k);
  if (truth.length === 0) return 1;
  const ids = new Set(truth.map(chunkId));
  const kth = truth[truth.length - 1].score;
  const found = approximate.slice(0, k).filter((hit) => ids.has(chunkId(hit)) || hit.score >= kth - TIE).length;
  return Math.min(found, truth.length) / truth.length;
}

/** Chunks in both rankings whose scores differ: non-zero means the two searched with different query vectors. */
export function scoreMismatches(a: readonly RankedChunk[], b: readonly RankedChunk[]): number {
  const scores = new Map(b.map((c) => [chunkId(c), c.score]));
  return a.filter((c) => scores.has(chunkId(c)) && Math.abs(scores.get(chunkId(c))! - c.score) > 1e-5).length;
}

/** Mean of a list; NaN for none. */
export const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);
