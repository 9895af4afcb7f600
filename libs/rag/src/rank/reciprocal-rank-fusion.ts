/** One entry of a ranked list to fuse; `rank` is 1-based. */
export interface RankedId {
  readonly id: string;
  readonly rank: number;
}

export interface RrfOptions {
  /** Damping constant of Cormack et al. (2009); 60 is their value and the common default. */
  readonly k?: number;
  /** Weight per input list, 1 each by default. */
  readonly weights?: readonly number[];
}

/** A fused result: its score and its rank in each input list (undefined where absent). */
export interface FusedHit {
  readonly id: string;
  readonly score: number;
  readonly ranks: readonly (number | undefined)[];
}

/**
 * Reciprocal rank fusion: score(d) = sum over lists of weight / (k + rank). Ranks only, so BM25
 * scores and cosine similarities need no calibration. A list naming an id twice counts its best
 * rank. Ties go to the better best rank, then to the id, so the order is deterministic.
 */
export function reciprocalRankFusion(lists: readonly (readonly RankedId[])[], options: RrfOptions = {}): FusedHit[] {
  const k = options.k ?? 60;
  const ranks = new Map<string, (number | undefined)[]>();
  lists.forEach((list, l) => {
    for (const { id, rank } of list) {
      let row = ranks.get(id);
      if (!row) ranks.set(id, (row = new Array<number | undefined>(lists.length).fill(undefined)));
      if (row[l] === undefined || rank < row[l]!) row[l] = rank;
    }
  });
  const fused = [...ranks].map(([id, row]) => {
    let score = 0;
    let best = Infinity;
    row.forEach((rank, l) => {
      if (rank === undefined) return;
      score += (options.weights?.[l] ?? 1) / (k + rank);
      best = Math.min(best, rank);
    });
    return { id, score, ranks: row, best };
  });
  fused.sort((x, y) => y.score - x.score || x.best - y.best || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return fused.map(({ id, score, ranks: row }) => ({ id, score, ranks: row }));
}
