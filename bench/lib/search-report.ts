import os from 'node:os';
import { machineLine } from './machine-load';
import { rounded, table } from './report';
import { SEARCH_MODES } from './search-api';
import { K as LATENCY_K, type LatencyResult } from './search-latency';
import { BM25_PAPER, judgesQuality, type LatencyAt, type Plans, type SearchMeasured } from './search-measured';
import { ingestRows, latencyRows, qualityRows } from './search-report-rows';
import { ingestFigures, searchSummary } from './search-summary';

const out = (line = '') => console.log(line);

const serverLine = (r: LatencyResult) =>
  `server-side search time (tookMs) p50/p95 ms, 1 client: ${SEARCH_MODES.map((mode) => `${mode} ${r.serverMs[mode].p50.toFixed(1)}/${r.serverMs[mode].p95.toFixed(1)}`).join(', ')}`;

const planLine = (k: number, plans: Plans) => `EXPLAIN, vector query with k=${k}: exact mode ${plans.exact}; API settings ${plans.approximate}`;

function ingestSection(m: SearchMeasured): void {
  const f = ingestFigures(m);
  const raw = `${(m.raw.writeMs / 1000).toFixed(1)} s; prepare in-process ${(m.raw.prepareMs / 1000).toFixed(1)} s`;
  out(`\nIngestion: POST /v1/workspaces/{id}/documents, ${m.args.concurrency} clients, first request to the search projection applying the last commit (${f.seconds.toFixed(1)} s); baseline: the same ${m.raw.chunks} chunks written by indexChunks into scratch tables (${raw})`);
  out(table(ingestRows(m)));
  const failure = m.census.firstFailure ? `, first failure: ${m.census.firstFailure}` : '';
  out(`documents by state: ${JSON.stringify(m.census.byState)}, duplicates ${m.ingest.duplicates}, POST p50/p95 ${f.postP50Ms.toFixed(1)}/${f.postP95Ms.toFixed(1)} ms${failure}`);
}

function qualitySection(m: SearchMeasured): void {
  out(`\nQuality: every test query through POST /v1/search per mode, k=100 (and the latency round's k=10 requests), documents ranked by their best chunk; baseline: exact cosine search over the same rows`);
  out(table(qualityRows(m)));
  out(planLine(100, m.plans));
  const gap = m.quality.modes.lexical.ndcg10 - BM25_PAPER;
  if (!judgesQuality(m)) out('nDCG targets not judged: they are SciFact\'s, for its whole corpus and test split');
  else out(`lexical nDCG@10 is ${gap >= 0 ? '+' : ''}${gap.toFixed(4)} from BM25 in the BEIR paper (${BM25_PAPER}): ${Math.abs(gap) <= 0.02 ? 'within' : 'outside'} +/-0.02${gap > 0.02 ? ', on the better side' : ''}`);
  const mismatches = m.quality.vectorScoreMismatches;
  out(
    mismatches === 0
      ? "the exact baseline searched with the API's query vectors: every chunk both returned has the same cosine similarity in both"
      : `WARNING: ${mismatches} chunks returned by both vector rankings have different similarities: the exact baseline's query vectors differ from the API's`,
  );
}

function latencySection(title: string, at: LatencyAt): void {
  out(`\n${title}: client side, k=${LATENCY_K}, every test query per mode, the modes taking turns; baseline: exact search over the same rows, timed the same way`);
  out(table(latencyRows(at.chunks, at.result)));
  out(serverLine(at.result));
  out(planLine(LATENCY_K, at.plans));
  out(machineLine(at.machine));
}

/** Prints the tables and the closing JSON line; 1 when any request failed or a document was not indexed (the figures are then void). */
export function reportSearch(m: SearchMeasured, argv: readonly string[]): number {
  const summary = searchSummary(m, argv);
  const load = m.loadAtStart.map((l) => l.toFixed(2)).join(' ');
  out(`\nRagstream search benchmark: ${m.data.name}, ${m.data.corpus.length} of ${m.data.fullCorpusSize} documents, ${m.base.chunks} chunks, ${m.data.queries.length} test queries; model ${m.model}; ${os.availableParallelism()} CPUs, load average at start ${load}`);
  ingestSection(m);
  qualitySection(m);
  latencySection(`Latency at ${m.base.chunks} chunks`, m.base);
  if (m.scale) {
    const g = m.scale.growth;
    out(`\nScale: grown to ${m.scale.chunks} chunks (--scale-chunks ${m.args.scaleChunks}) by path ${g.path.toUpperCase()}: ${g.addedChunks} chunks of ${g.addedDocuments} perturbed documents in ${g.seconds.toFixed(1)} s (${g.why})`);
    if (g.path === 'direct-writer') out('the added chunks bypassed the API, the log and the projector: written by @ragstream/search indexChunks into the live tables');
    latencySection(`Latency at ${m.scale.chunks} chunks`, m.scale);
  } else out('\nScale phase skipped (--scale-chunks 0)');
  out(`errors: ${JSON.stringify(summary.errors)}; all targets met: ${summary.allTargetsMet ? 'yes' : 'no'}`);
  out(JSON.stringify(rounded(summary, 4)));
  const errors = summary.errors.ingest + summary.errors.quality + summary.errors.latency + (m.census.byState.failed ?? 0);
  return errors > 0 ? 1 : 0;
}
