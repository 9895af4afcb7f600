import os from 'node:os';
import { rounded, table, type Row } from './report';
import { SEARCH_MODES } from './search-api';
import { CONCURRENCIES, K as LATENCY_K, type LatencyResult } from './search-latency';
import { SEARCH_TARGETS as T, type SearchMeasured } from './search-measured';
import { ingestFigures, p95Met, searchSummary } from './search-summary';

function ingestRows(m: SearchMeasured): Row[] {
  const f = ingestFigures(m);
  const rawDocsPerSec = (m.data.corpus.length * 1000) / m.raw.writeMs;
  return [
    { figure: 'chunks/s, API to indexed (vs raw index write)', value: f.chunksPerSec, baseline: f.rawWriteChunksPerSec },
    { figure: 'chunks/s, API to indexed (vs raw prepare + write)', value: f.chunksPerSec, baseline: f.rawPipelineChunksPerSec },
    { figure: 'documents/s, API to indexed (vs raw index write)', value: f.documentsPerSec, baseline: rawDocsPerSec },
  ];
}

function qualityRows(m: SearchMeasured): Row[] {
  const { modes, exact } = m.quality;
  const target = { hybrid: T.hybridNdcg10, lexical: T.lexicalNdcg10 } as Record<string, number | undefined>;
  return [
    ...SEARCH_MODES.map((mode): Row => {
      const t = target[mode];
      return { figure: `${mode} nDCG@10`, value: modes[mode].ndcg10, baseline: exact.ndcg10, digits: 4, ...(t !== undefined && { target: `>= ${t}`, met: modes[mode].ndcg10 >= t }) };
    }),
    ...SEARCH_MODES.map((mode): Row => ({ figure: `${mode} recall@100`, value: modes[mode].recall100, baseline: exact.recall100, digits: 4 })),
    { figure: 'HNSW recall@10 vs exact (k=100 requests)', value: m.quality.hnswRecall10, baseline: 1, digits: 4, target: `>= ${T.hnswRecall10}`, met: m.quality.hnswRecall10 >= T.hnswRecall10 },
    { figure: 'HNSW recall@100 vs exact (k=100 requests)', value: m.quality.hnswRecall100, baseline: 1, digits: 4 },
  ];
}

function latencyRows(chunks: number, r: LatencyResult): Row[] {
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

const serverLine = (r: LatencyResult) =>
  `server-side search time (tookMs) p50/p95 ms, 1 client: ${SEARCH_MODES.map((mode) => `${mode} ${r.serverMs[mode].p50.toFixed(1)}/${r.serverMs[mode].p95.toFixed(1)}`).join(', ')}`;

/** Prints the tables and the closing JSON line; 1 when any request failed (the figures are then void). */
export function reportSearch(m: SearchMeasured, argv: readonly string[]): number {
  const summary = searchSummary(m, argv);
  const f = ingestFigures(m);
  const out = (line = '') => console.log(line);
  out(`\nRagstream search benchmark: ${m.data.name}, ${m.data.corpus.length} of ${m.data.fullCorpusSize} documents, ${m.base.chunks} chunks, ${m.data.queries.length} test queries; model ${m.model}; ${os.availableParallelism()} CPUs, load average at start ${m.loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  out(`\nIngestion: POST /v1/workspaces/{id}/documents, ${m.args.concurrency} clients, first request to the search projection applying the last commit (${f.seconds.toFixed(1)} s); baseline: the same ${m.raw.chunks} chunks written by indexChunks into scratch tables (${(m.raw.writeMs / 1000).toFixed(1)} s; prepare in-process ${(m.raw.prepareMs / 1000).toFixed(1)} s)`);
  out(table(ingestRows(m)));
  out(`documents by state: ${JSON.stringify(m.census.byState)}, duplicates ${m.ingest.duplicates}, POST p50/p95 ${f.postP50Ms.toFixed(1)}/${f.postP95Ms.toFixed(1)} ms${m.census.firstFailure ? `, first failure: ${m.census.firstFailure}` : ''}`);
  out(`\nQuality: every test query through POST /v1/search (k=100), hits mapped to documents at their best chunk; baseline: exact cosine search over the same rows`);
  out(table(qualityRows(m)));
  out(`plans of the vector query: exact ${m.plans.exact}; API ${m.plans.approximate}`);
  out(`\nLatency at ${m.base.chunks} chunks: client side, k=${LATENCY_K}, ${m.data.queries.length} queries per mode, modes taking turns; baseline: exact search over the same rows, timed the same way`);
  out(table(latencyRows(m.base.chunks, m.base.result)));
  out(serverLine(m.base.result));
  if (m.scale) {
    const g = m.scale.growth;
    out(`\nScale: grown to ${m.scale.chunks} chunks (--scale-chunks ${m.args.scaleChunks}) by path ${g.path.toUpperCase()}: ${g.addedChunks} chunks of ${g.addedDocuments} perturbed documents in ${g.seconds.toFixed(1)} s (${g.why})`);
    if (g.path === 'direct-writer') out('  the added chunks bypassed the API, the log and the projector: written by @ragstream/search indexChunks into the live tables');
    out(table(latencyRows(m.scale.chunks, m.scale.result)));
    out(serverLine(m.scale.result));
  } else out('\nScale phase skipped (--scale-chunks 0)');
  out(`errors: ${JSON.stringify(summary.errors)}; all targets met: ${summary.allTargetsMet ? 'yes' : 'no'}`);
  out(JSON.stringify(rounded(summary, 4)));
  const errors = summary.errors.ingest + summary.errors.quality + summary.errors.latency + (m.census.byState.failed ?? 0);
  return errors > 0 ? 1 : 0;
}
