import type { DocumentCensus } from './document-census';
import type { RawIndexBaseline } from './raw-index-baseline';
import type { ScaleGrowth } from './scale-phase';
import type { SearchArgs } from './search-args';
import type { BenchDataset } from './search-dataset';
import type { ApiIngest } from './search-ingest';
import type { LatencyResult } from './search-latency';
import type { MachineLoad } from './machine-load';
import type { SearchMode } from './search-api';
import type { QualityResult } from './search-quality';

/** BM25's SciFact nDCG@10 in the BEIR paper. */
export const BM25_PAPER = 0.665;

/** The targets: hybrid at or above BM25, lexical within 0.02 of it (judged as a floor), p95 at 100k chunks, HNSW recall. */
export const SEARCH_TARGETS = {
  hybridNdcg10: BM25_PAPER,
  lexicalNdcg10: BM25_PAPER - 0.02,
  p95Ms: 30,
  p95AtChunks: 100_000,
  hnswRecall10: 0.95,
};

/** The nDCG targets are SciFact's (BM25 in the BEIR paper) and hold only for the whole test split over the whole corpus. */
export const judgesQuality = (m: SearchMeasured) => m.data.name.toLowerCase() === 'scifact' && !m.data.limited;

/** Latencies at one index size. */
export interface LatencyAt {
  readonly chunks: number;
  /** EXPLAIN's scans of a k=10 vector query, exact and as the API runs it. */
  readonly plans: Plans;
  readonly result: LatencyResult;
  readonly machine: MachineLoad;
}

export interface Plans {
  readonly exact: string;
  readonly approximate: string;
}

/** Everything one run measured, for the report. */
export interface SearchMeasured {
  readonly args: SearchArgs;
  readonly data: BenchDataset;
  readonly model: string;
  readonly ingest: ApiIngest;
  readonly census: DocumentCensus;
  readonly raw: RawIndexBaseline;
  readonly quality: QualityResult;
  /** nDCG@10 of the k = 10 requests of the latency round at the corpus's size (hybrid fuses shallower lists there). */
  readonly ndcg10AtK10: Record<SearchMode | 'exact', number>;
  /** EXPLAIN's scans of a k=100 vector query (the quality runs). */
  readonly plans: Plans;
  readonly base: LatencyAt;
  readonly scale?: LatencyAt & { readonly growth: ScaleGrowth };
  readonly loadAtStart: number[];
}
