export { BM25_B, BM25_K1, bm25Idf, bm25TermScore, type Bm25Stats } from './bm25';
export { Bm25Index, type ScoredHit } from './bm25-index';
export { reciprocalRankFusion, type FusedHit, type RankedId, type RrfOptions } from './reciprocal-rank-fusion';
