/** One entry of a ranked list to fuse; `rank` is 1-based. */
export interface RankedId {
  readonly id: string;
  readonly rank: number;
}

export interface RrfOptions {
  /** Damping constant of Cormack et al. (2009); 60 is their value and everyone's default. */
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
 * Reciprocal rank fusion: score(d) = sum over lists of weight / (k + rank). Uses ranks only, so
 * BM25 scores and cosine similarities need no calibration against each other. Ties go to the
 * better best rank, then to the earlier list, then to the id, so the order is deterministic.
 */
export function reciprocalRankFusion(lists: readonly (readonly RankedId[])[], options: RrfOptions = {}): FusedHit[] {
  const k = options.k ?? 60;
  const fused = new Map<string, { score: number; ranks: (number | undefined)[] }>();
  lists.forEach((list, l) => {
    const weight = options.weights?.[l] ?? 1;
    for (const { id, rank } of list) {
      let hit = fused.get(id);
      if (!hit) fused.set(id, (hit = { score: 0, ranks: new Array<number | undefined>(lists.length).fill(undefined) }));
      // A list naming the same id twice counts only its best rank.
      if (hit.ranks[l] !== undefined && hit.ranks[l]! <= rank) continue;
      if (hit.ranks[l] !== undefined) hit.score -= weight / (k + hit.ranks[l]!);
      hit.ranks[l] = rank;
      hit.score += weight / (k + rank);
    }
  });
  return [...fused]
    .map(([id, { score, ranks }]) => ({ id, score, ranks }))
    .sort((x, y) => y.score - x.score || bestRank(x) - bestRank(y) || firstList(x) - firstList(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function bestRank(hit: FusedHit): number {
  return Math.min(...hit.ranks.map((rank) => rank ?? Infinity));
}

function firstList(hit: FusedHit): number {
  return hit.ranks.findIndex((rank) => rank !== undefined);
}
