// The rows of the search benchmark's tables: each figure beside its baseline from the same run.
import type { Row } from './report';
import { SEARCH_MODES } from './search-api';
import { CONCURRENCIES, K as LATENCY_K, type LatencyResult } from './search-latency';
import { judgesQuality, SEARCH_TARGETS as T, type SearchMeasured } from './search-measured';
import { ingestFigures, p95Met } from './search-summary';

/** Ingestion rates beside the raw index write. */
export function ingestRows(m: SearchMeasured): Row[] {
  const f = ingestFigures(m);
  const rawDocsPerSec = (m.data.corpus.length * 1000) / m.raw.writeMs;
  return [
    { figure: 'chunks/s, API to indexed (vs raw index write)', value: f.chunksPerSec, baseline: f.rawWriteChunksPerSec },
    { figure: 'chunks/s, API to indexed (vs raw prepare + write)', value: f.chunksPerSec, baseline: f.rawPipelineChunksPerSec },
    { figure: 'documents/s, API to indexed (vs raw index write)', value: f.documentsPerSec, baseline: rawDocsPerSec },
  ];
}

/** nDCG@10 and recall@100 per mode beside exact vector search; HNSW recall beside exact (1). */
export function qualityRows(m: SearchMeasured): Row[] {
  const { modes, exact } = m.quality;
  const target = (judgesQuality(m) ? { hybrid: T.hybridNdcg10, lexical: T.lexicalNdcg10 } : {}) as Record<string, number | undefined>;
  return [
    ...SEARCH_MODES.map((mode): Row => {
      const t = target[mode];
      return { figure: `${mode} nDCG@10, k=100 requests`, value: modes[mode].ndcg10, baseline: exact.ndcg10, digits: 4, ...(t !== undefined && { target: `>= ${t}`, met: modes[mode].ndcg10 >= t }) };
    }),
    ...SEARCH_MODES.map((mode): Row => {
      const [value, t] = [m.ndcg10AtK10[mode], target[mode]];
      return { figure: `${mode} nDCG@10, k=10 requests`, value, baseline: m.ndcg10AtK10.exact, digits: 4, ...(t !== undefined && { target: `>= ${t}`, met: value >= t }) };
    }),
    ...SEARCH_MODES.map((mode): Row => ({ figure: `${mode} recall@100`, value: modes[mode].recall100, baseline: exact.recall100, digits: 4 })),
    { figure: 'HNSW recall@10 vs exact (k=100 requests)', value: m.quality.hnswRecall10, baseline: 1, digits: 4, target: `>= ${T.hnswRecall10}`, met: m.quality.hnswRecall10 >= T.hnswRecall10 },
    { figure: 'HNSW recall@100 vs exact (k=100 requests)', value: m.quality.hnswRecall100, baseline: 1, digits: 4 },
  ];
}

/** p50/p95 per mode and concurrency beside exact search; HNSW recall at this size. */
export function latencyRows(chunks: number, r: LatencyResult): Row[] {
  const met = p95Met(chunks, r);
  const rows: Row[] = [];
  for (const c of CONCURRENCIES) {
    for (const mode of SEARCH_MODES) {
      const [mine, exact] = [r.latency[c][mode], r.latency[c].exact];
      const judged = c === 1 && met !== undefined;
      rows.push({ figure: `${mode} p50 ms, ${c} client${c > 1 ? 's' : ''}`, value: mine.p50, baseline: exact.p50 });
      rows.push({ figure: `${mode} p95 ms, ${c} client${c > 1 ? 's' : ''}`, value: mine.p95, baseline: exact.p95, ...(c === 1 && { target: `< ${T.p95Ms} ms at ${T.p95AtChunks / 1000}k` }), ...(judged && { met: mine.p95 < T.p95Ms }) });
    }
  }
  rows.push({ figure: `HNSW recall@10 vs exact (k=${LATENCY_K} requests)`, value: r.hnswRecall10, baseline: 1, digits: 4, target: `>= ${T.hnswRecall10}`, met: r.hnswRecall10 >= T.hnswRecall10 });
  return rows;
}
