import type { ScoredCandidate } from './sentence-scoring';

/**
 * A sentence answers only if it holds a third of the question's IDF weight or two thirds of its
 * terms. Below both, it shares a topic word but not what is asked ("aspirin" but not "kidney" in
 * "how does aspirin affect the kidneys"); an extractive answer cannot bridge that by paraphrase,
 * so quoting it would answer another question. The count rescues questions whose filler words
 * ("first", "main") the documents phrase differently: a term no sentence has weighs the most.
 */
export const MIN_COVERAGE = 0.3;
export const MIN_TERM_COVERAGE = 2 / 3;
// Sentences far below the best are padding (often a topic word only), not support.
const RELATIVE_FLOOR = 0.4;
// Stems shared this much (Jaccard) make a sentence a restatement of one already chosen.
const DUPLICATE_JACCARD = 0.6;

/** How much answer to stitch. */
export interface SelectionLimits {
  readonly maxSentences: number;
  /** False when adding `next` would exceed the answer budget. */
  readonly fits: (chosen: readonly ScoredCandidate[], next: ScoredCandidate) => boolean;
}

/** The supporting sentences in reading order, or [] when no sentence answers the question. */
export function selectSentences(scored: readonly ScoredCandidate[], limits: SelectionLimits): ScoredCandidate[] {
  const pool = scored.filter((c) => c.coverage > 0);
  const best = pool.filter(answersQuestion).reduce<ScoredCandidate | null>((top, c) => (top === null || c.score > top.score ? c : top), null);
  if (best === null) return [];
  // The best sentence always goes in: cutting it would break the quote's offsets.
  const chosen = [best];
  while (chosen.length < limits.maxSentences) {
    const next = bestAddition(pool, chosen, RELATIVE_FLOOR * best.score);
    if (next === null || !limits.fits(chosen, next)) break;
    chosen.push(next);
  }
  return readingOrder(chosen);
}

// Source by source, the source with the strongest sentence first, each in document order: the
// answer opens with its best evidence and never jumps back and forth within a source.
function readingOrder(chosen: readonly ScoredCandidate[]): ScoredCandidate[] {
  const strength = new Map<number, number>();
  for (const c of chosen) strength.set(c.rank, Math.max(strength.get(c.rank) ?? 0, c.score));
  return [...chosen].sort((a, b) => strength.get(b.rank)! - strength.get(a.rank)! || a.rank - b.rank || a.start - b.start);
}

function answersQuestion(c: ScoredCandidate): boolean {
  return c.coverage >= MIN_COVERAGE || c.termCoverage >= MIN_TERM_COVERAGE;
}

// Maximal marginal relevance: a sentence's score shrinks by its overlap with what is chosen.
function bestAddition(pool: readonly ScoredCandidate[], chosen: readonly ScoredCandidate[], floor: number): ScoredCandidate | null {
  let top: { c: ScoredCandidate; value: number } | null = null;
  for (const c of pool) {
    // Support answers the question itself or continues a chosen sentence; a topic word alone is padding.
    if (chosen.includes(c) || !(answersQuestion(c) || chosen.some((s) => adjacent(s, c)))) continue;
    const redundancy = Math.max(...chosen.map((s) => jaccard(s.stems, c.stems)));
    if (redundancy >= DUPLICATE_JACCARD) continue;
    const value = c.score * (1 - redundancy);
    if (value >= floor && (top === null || value > top.value)) top = { c, value };
  }
  return top?.c ?? null;
}

function adjacent(a: ScoredCandidate, b: ScoredCandidate): boolean {
  return a.rank === b.rank && Math.abs(a.position - b.position) === 1;
}

/** |A ∩ B| / |A ∪ B| of two stem sets; 1 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}
