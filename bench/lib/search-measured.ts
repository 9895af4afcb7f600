import type { DocumentCensus } from './document-census';
import type { RawIndexBaseline } from './raw-index-baseline';
import type { ScaleGrowth } from './scale-phase';
import type { SearchArgs } from './search-args';
import type { BenchDataset } from './search-dataset';
import type { ApiIngest } from './search-ingest';
import type { LatencyResult } from './search-latency';
import type { QualityResult } from './search-quality';

/** The issue's targets; BM25's SciFact nDCG@10 in the BEIR paper is 0.665. */
export const SEARCH_TARGETS = {
  hybridNdcg10: 0.665,
  lexicalNdcg10: 0.645,
  p95Ms: 30,
  p95AtChunks: 100_000,
  hnswRecall10: 0.95,
};

/** Latencies at one index size. */
export interface LatencyAt {
  readonly chunks: number;
  readonly result: LatencyResult;
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
  readonly plans: { readonly exact: string; readonly approximate: string };
  readonly base: LatencyAt;
  readonly scale?: LatencyAt & { readonly growth: ScaleGrowth };
  readonly loadAtStart: number[];
}
