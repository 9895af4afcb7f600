// Knowledge search on a BEIR data set through the real API and projection: ingestion throughput
// beside a raw index write, nDCG@10 and recall@100 per mode beside exact vector search, and search
// latency beside brute-force search over the same rows, at the corpus's size and grown to
// --scale-chunks. Usage: npm run bench -- search [--dataset DIR] [--concurrency 8] [--limit-docs N]
//   [--limit-queries N] [--scale-chunks 100000] [--max-ingest-seconds 600] [--log-dir DIR] [--log-level warn]
// Progress goes to stderr; stdout gets the tables and, as its last line, one JSON object.
import os from 'node:os';
import { CheckpointWatcher } from '@ragstream/projections';
import { OfflineEmbedder } from '@ragstream/rag';
import { TEST_DATABASE_URL } from '@ragstream/testing';
import { Pool } from 'pg';
import { ingestBody } from './lib/beir-chunks';
import { BenchPlatform } from './lib/bench-platform';
import { documentCensus } from './lib/document-census';
import { ExactVectorSearch } from './lib/exact-search';
import { analyzeSearchTables, indexedChunks } from './lib/index-stats';
import { progress } from './lib/load';
import { withMachineLoad } from './lib/machine-load';
import { rawIndexBaseline } from './lib/raw-index-baseline';
import { growIndex } from './lib/scale-phase';
import { parseSearchArgs, type SearchArgs } from './lib/search-args';
import { searchApi } from './lib/search-api';
import { loadBenchDataset, type BenchDataset } from './lib/search-dataset';
import { ingestThroughApi } from './lib/search-ingest';
import { K as LATENCY_K, measureLatency } from './lib/search-latency';
import type { LatencyAt, SearchMeasured } from './lib/search-measured';
import { measureQuality, scoreRankings } from './lib/search-quality';
import { reportSearch } from './lib/search-report';
import { openSearchSession } from './lib/search-session';

const mapValues = <K extends string, V, W>(record: Record<K, V>, f: (value: V) => W) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value as V)])) as Record<K, W>;

async function measure(args: SearchArgs, data: BenchDataset, platform: BenchPlatform, loadAtStart: number[]): Promise<SearchMeasured> {
  const schema = platform.db.schema;
  const s = await openSearchSession(platform);
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4, options: `-c search_path=${schema},public`, application_name: 'ragstream-bench-search' });
  const watcher = new CheckpointWatcher({ connectionString: TEST_DATABASE_URL, schema, applicationName: 'ragstream-bench' });
  await watcher.start();
  const embedder = new OfflineEmbedder();
  try {
    const bodies = data.corpus.map(ingestBody);
    progress(`ingesting ${bodies.length} documents through the API, ${args.concurrency} clients`);
    const ingest = await ingestThroughApi(s, watcher, 'ingest', bodies, args.concurrency);
    const census = await documentCensus(s, ingest.maxPosition);
    const probe = await searchApi(s, data.queries[0].text, 'hybrid', 10, ingest.maxPosition);
    // The exact baseline and the direct writes embed here: they are only comparable with the API's model.
    if (probe.model !== embedder.model) throw new Error(`the API searches with ${probe.model}; this benchmark needs the offline default ${embedder.model}`);
    await analyzeSearchTables(pool, schema);
    const raw = await rawIndexBaseline(pool, bodies, embedder);
    const exact = new ExactVectorSearch(pool, s.tenantId, s.workspaceId, embedder);
    const quality = await measureQuality(s, exact, data, ingest.externalIds);
    const plans = await exact.plans(data.queries[0].text, 100);
    const latencyAt = async (label: string): Promise<LatencyAt> => {
      await analyzeSearchTables(pool, schema);
      const chunks = await indexedChunks(pool, s.tenantId, s.workspaceId);
      const scans = await exact.plans(data.queries[0].text, LATENCY_K);
      const { result, machine } = await withMachineLoad(platform, () => measureLatency(s, exact, data.queries, `${label} (${chunks} chunks)`));
      return { chunks, plans: scans, result, machine };
    };
    const base = await latencyAt('corpus');
    const ndcg10AtK10 = mapValues(base.result.rankings, (ranked) => scoreRankings(ranked, ingest.externalIds, data).ndcg10);
    const measured = { args, data, model: probe.model, ingest, census, raw, quality, ndcg10AtK10, plans, base, loadAtStart };
    if (args.scaleChunks === 0) return measured;
    const apiChunksPerSec = census.chunks / (ingest.toIndexedMs / 1000);
    const scaleInput = { session: s, watcher, pool, schema, embedder, corpus: data.corpus, chunks: base.chunks, documents: census.documents, apiChunksPerSec, concurrency: args.concurrency };
    const growth = await growIndex(scaleInput, args.scaleChunks, args.maxIngestSeconds);
    return { ...measured, scale: { ...(await latencyAt('scaled')), growth } };
  } finally {
    await watcher.close();
    await pool.end();
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseSearchArgs(argv);
  if ('skip' in parsed) {
    progress(parsed.skip);
    return 0;
  }
  const loadAtStart = os.loadavg();
  const data = await loadBenchDataset(parsed.dataset, parsed);
  if (data.queries.length === 0) throw new Error(`${parsed.dataset} has no test queries with judgements`);
  progress(`${data.name}: ${data.corpus.length} of ${data.fullCorpusSize} documents, ${data.queries.length} test queries`);
  const platform = await BenchPlatform.start({ logLevel: parsed.logLevel, logDir: parsed.logDir, maxSockets: Math.max(parsed.concurrency, 4), commandInstances: 1 });
  let code = 2;
  try {
    code = reportSearch(await measure(parsed, data, platform, loadAtStart), argv);
    return code;
  } finally {
    progress('stopping apps, deleting the private stream and schema');
    await platform.close(code !== 0);
    if (code !== 0) progress(`app logs in ${platform.logDir}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
