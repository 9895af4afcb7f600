/**
 * Okapi BM25 as Lucene (and Anserini's BEIR baselines) compute it. k1 = 0.9, b = 0.4 are
 * Anserini's defaults, set on TREC newswire/web collections and used unchanged for its BEIR
 * figures; Robertson's textbook 1.2 / 0.75 favour long documents less, which matters little for
 * chunks whose lengths are bounded by the chunker anyway.
 */
export const BM25_K1 = 0.9;
export const BM25_B = 0.4;

/** Collection figures a BM25 score depends on besides the term's own counts. */
export interface Bm25Stats {
  /** Number of indexed chunks. */
  readonly documentCount: number;
  /** Mean chunk length in terms (sum of term frequencies). */
  readonly averageLength: number;
}

/** Lucene's IDF: never negative, unlike Robertson-Sparck Jones, so very common terms still count a little. */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * One query term's contribution to one chunk's score. The (k1 + 1) factor of classic Okapi is
 * kept: it does not change rankings but keeps scores comparable with textbook examples.
 */
export function bm25TermScore(
  termFrequency: number,
  documentFrequency: number,
  length: number,
  stats: Bm25Stats,
  k1 = BM25_K1,
  b = BM25_B,
): number {
  const norm = k1 * (1 - b + (b * length) / stats.averageLength);
  return (bm25Idf(stats.documentCount, documentFrequency) * termFrequency * (k1 + 1)) / (termFrequency + norm);
}
