import os from 'node:os';
import { SEARCH_MODES, type SearchMode } from './search-api';
import { CONCURRENCIES, K as LATENCY_K, type LatencyResult } from './search-latency';
import { BM25_PAPER, judgesQuality, SEARCH_TARGETS as T, type LatencyAt, type SearchMeasured } from './search-measured';
import { summarize } from './stats';

/** Ingestion rates: API to indexed, and the raw write (and raw prepare + write) of the same chunks. */
export function ingestFigures(m: SearchMeasured) {
  const seconds = m.ingest.toIndexedMs / 1000;
  const posts = summarize([m.ingest.phase]);
  const chunksPerSec = m.census.chunks / seconds;
  const rawWriteChunksPerSec = (m.raw.chunks * 1000) / m.raw.writeMs;
  const rawPipelineChunksPerSec = (m.raw.chunks * 1000) / (m.raw.prepareMs + m.raw.writeMs);
  return {
    seconds,
    chunksPerSec,
    documentsPerSec: m.census.documents / seconds,
    rawWriteChunksPerSec,
    rawPipelineChunksPerSec,
    ratioToRawWrite: chunksPerSec / rawWriteChunksPerSec,
    ratioToRawPipeline: chunksPerSec / rawPipelineChunksPerSec,
    rawChunks: m.raw.chunks,
    postP50Ms: posts.p50,
    postP95Ms: posts.p95,
    postErrors: posts.errors,
  };
}

/** p95 under the target in every mode at one client, judged only at the index size the target names. */
export function p95Met(chunks: number, r: LatencyResult): boolean | undefined {
  if (chunks < T.p95AtChunks) return undefined;
  return SEARCH_MODES.every((mode) => r.latency[1][mode].p95 < T.p95Ms);
}

function latencyFigures({ chunks, plans, machine, result: r }: LatencyAt) {
  const byConcurrency = Object.fromEntries(CONCURRENCIES.map((c) => [`clients${c}`, r.latency[c]]));
  const p95RatioToExact = Object.fromEntries(SEARCH_MODES.map((mode) => [mode, r.latency[1][mode].p95 / r.latency[1].exact.p95])) as Record<SearchMode, number>;
  return { chunks, k: LATENCY_K, ...byConcurrency, serverMs: r.serverMs, p95RatioToExact, hnswRecall10: r.hnswRecall10, p95Met: p95Met(chunks, r) ?? null, plans, machine, errors: r.errors };
}

/** Which targets were met; null where the run cannot judge (nDCG on other or limited data, p95 below its index size). */
export function targetsMet(m: SearchMeasured) {
  const q = m.quality;
  const p95 = m.scale ? p95Met(m.scale.chunks, m.scale.result) : p95Met(m.base.chunks, m.base.result);
  const recall = [q.hnswRecall10, m.base.result.hnswRecall10, ...(m.scale ? [m.scale.result.hnswRecall10] : [])];
  const judged = judgesQuality(m);
  return {
    hybridNdcg10: judged ? q.modes.hybrid.ndcg10 >= T.hybridNdcg10 : null,
    hybridNdcg10AtK10: judged ? m.ndcg10AtK10.hybrid >= T.hybridNdcg10 : null,
    lexicalNdcg10: judged ? q.modes.lexical.ndcg10 >= T.lexicalNdcg10 : null,
    searchP95: p95 ?? null,
    hnswRecall10: recall.every((r) => r >= T.hnswRecall10),
  };
}

/** The closing JSON line: every figure of the run. */
export function searchSummary(m: SearchMeasured, argv: readonly string[]) {
  const q = m.quality;
  const ratio = (mode: SearchMode, key: 'ndcg10' | 'recall100') => q.modes[mode][key] / q.exact[key];
  const met = targetsMet(m);
  return {
    benchmark: 'search',
    command: `npm run bench -- search ${argv.join(' ')}`.trim(),
    dataset: m.data.name,
    datasetDir: m.args.dataset,
    limited: m.data.limited,
    model: m.model,
    documents: { corpus: m.data.fullCorpusSize, ingested: m.data.corpus.length, listed: m.census.documents, byState: m.census.byState, duplicates: m.ingest.duplicates },
    chunks: m.base.chunks,
    queries: m.data.queries.length,
    ingest: { ...ingestFigures(m), concurrency: m.args.concurrency },
    quality: {
      ...Object.fromEntries(SEARCH_MODES.map((mode) => [mode, { ...q.modes[mode], ndcg10RatioToExact: ratio(mode, 'ndcg10'), recall100RatioToExact: ratio(mode, 'recall100') }])),
      exactVector: q.exact,
      ndcg10AtK10: m.ndcg10AtK10,
      lexicalMinusBm25Paper: judgesQuality(m) ? q.modes.lexical.ndcg10 - BM25_PAPER : null,
      hnswRecall10: q.hnswRecall10,
      hnswRecall100: q.hnswRecall100,
      vectorScoreMismatches: q.vectorScoreMismatches,
      k: 100,
    },
    latency: latencyFigures(m.base),
    scale: m.scale ? { targetChunks: m.args.scaleChunks, ...m.scale.growth, latency: latencyFigures(m.scale) } : null,
    plansK100: m.plans,
    targets: T,
    met,
    allTargetsMet: Object.values(met).every((v) => v === true),
    errors: { ingest: m.ingest.phase.errors, quality: q.errors, latency: m.base.result.errors + (m.scale?.result.errors ?? 0) },
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverageAtStart: m.loadAtStart,
  };
}
