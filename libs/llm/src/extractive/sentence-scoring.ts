import type { Candidate } from './sentence-candidates';

// Anserini's BM25 defaults, as libs/rag's ranking uses; b is low because sentences vary little in length.
const K1 = 0.9;
const B = 0.4;
// The best-ranked source's sentences get +25 %, the fifth's +5 %: retrieval saw the whole chunk
// (and its embedding), the sentence score sees only shared stems.
const RANK_WEIGHT = 0.25;
// A sentence next to a strong one often carries its subject or its conclusion.
const ADJACENT_WEIGHT = 0.1;
const STRONG_FRACTION = 0.5;

/** A candidate with its relevance to the question. */
export interface ScoredCandidate extends Candidate {
  readonly score: number;
  /** IDF-weighted share of the question's terms the sentence contains, 0..1. */
  readonly coverage: number;
  /** Plain share of the question's distinct terms the sentence contains, 0..1. */
  readonly termCoverage: number;
  readonly stems: ReadonlySet<string>;
}

/** Scores sentences against question terms: BM25 over the given sentences, a rank bonus, an adjacency bonus. */
export function scoreCandidates(questionTerms: readonly string[], candidates: readonly Candidate[]): ScoredCandidate[] {
  const query = [...new Set(questionTerms)];
  const idf = inverseFrequencies(query, candidates);
  const totalWeight = query.reduce((sum, term) => sum + idf.get(term)!, 0);
  const averageLength = Math.max(1, candidates.reduce((sum, c) => sum + c.length, 0) / Math.max(1, candidates.length));
  const base = candidates.map((c) => {
    let lexical = 0;
    let covered = 0;
    let matched = 0;
    for (const term of query) {
      const tf = c.termCounts.get(term) ?? 0;
      if (tf === 0) continue;
      lexical += (idf.get(term)! * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * c.length) / averageLength));
      covered += idf.get(term)!;
      matched++;
    }
    const score = lexical * (1 + RANK_WEIGHT / (1 + c.rank));
    return { ...c, score, coverage: totalWeight > 0 ? covered / totalWeight : 0, termCoverage: matched / query.length, stems: new Set(c.termCounts.keys()) };
  });
  return withAdjacencyBonus(base);
}

// Computed over the candidate sentences: a term every sentence has tells them apart no better than
// a stopword. A question term no sentence has keeps the highest weight, which is what lets
// coverage notice that the documents do not speak about it.
function inverseFrequencies(query: readonly string[], candidates: readonly Candidate[]): Map<string, number> {
  const n = candidates.length;
  return new Map(
    query.map((term) => {
      const df = candidates.filter((c) => c.termCounts.has(term)).length;
      return [term, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }),
  );
}

function withAdjacencyBonus(scored: readonly ScoredCandidate[]): ScoredCandidate[] {
  const best = Math.max(0, ...scored.map((c) => c.score));
  const at = new Map(scored.map((c) => [`${c.rank}:${c.position}`, c.score]));
  return scored.map((c) => {
    const neighbour = Math.max(at.get(`${c.rank}:${c.position - 1}`) ?? 0, at.get(`${c.rank}:${c.position + 1}`) ?? 0);
    return neighbour >= STRONG_FRACTION * best && neighbour > 0 ? { ...c, score: c.score + ADJACENT_WEIGHT * neighbour } : c;
  });
}
