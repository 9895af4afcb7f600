import type { FuseFn } from './search-query.types';

/**
 * Reciprocal rank fusion: score = sum over lists of 1 / (k + rank). Ranks only, so BM25 scores and
 * cosine similarities need no calibration. Ties go to the better best rank, then the id, so the
 * order is deterministic.
 */
export const reciprocalRankFusion: FuseFn = (lists, { k = 60 }) => {
  const fused = new Map<string, { score: number; best: number }>();
  for (const list of lists) {
    for (const { id, rank } of list) {
      const hit = fused.get(id) ?? { score: 0, best: Infinity };
      hit.score += 1 / (k + rank);
      hit.best = Math.min(hit.best, rank);
      fused.set(id, hit);
    }
  }
  return [...fused]
    .map(([id, hit]) => ({ id, ...hit }))
    .sort((x, y) => y.score - x.score || x.best - y.best || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
};
