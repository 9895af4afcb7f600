// Offline retrieval quality of the analyzer, chunker, offline embedder and fusion on a BEIR
// dataset, entirely in memory (no Postgres, no NATS): nDCG@10 and recall@100 for lexical (BM25),
// vector (exact cosine over the offline embedder) and hybrid (RRF of both), plus timings.
// Usage: node scripts/build.mjs && node dist/bench/retrieval-quality.js --dataset DIR
//        [--split test] [--max-tokens 384] [--dimensions 768] [--k1 0.9] [--b 0.4]
//        [--depth 100] [--rrf-k 60] [--vector-weight 1] [--no-header] [--no-query-idf]
// Chunk hits map to documents by their best chunk; hybrid fuses the two chunk lists, each cut at
// --depth chunks: 100 matches the recall cutoff and lies in the search API's candidate range
// (50..1000). stdout ends with one JSON line.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import {
  BM25_B,
  BM25_K1,
  Bm25Index,
  bm25Idf,
  DEFAULT_MAX_TOKENS,
  OfflineEmbedder,
  analyze,
  chunkDocument,
  indexText,
  reciprocalRankFusion,
  termFrequencies,
  type RankedId,
} from '@ragstream/rag';
import { evaluateRun, loadBeir, toExtractedDocument, type RunScores } from './lib/beir';

interface Options {
  readonly dataset: string;
  readonly split: string;
  readonly maxTokens: number;
  readonly dimensions?: number;
  readonly k1: number;
  readonly b: number;
  /** Chunks taken from each list before mapping to documents and fusing. */
  readonly depth: number;
  readonly rrfK: number;
  /** RRF weight of the vector list (the lexical list weighs 1). */
  readonly vectorWeight: number;
  /** Index `indexText` (title and heading path prepended) rather than the bare chunk text. */
  readonly header: boolean;
  /** Weight query terms by their BM25 IDF in the query vector (`embedWeightedQuery`). */
  readonly queryIdf: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const values = new Map<string, string>();
  const off = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument ${argv[i]}`);
    if (['no-header', 'no-query-idf'].includes(match[1])) off.add(match[1].slice(3));
    else values.set(match[1], match[2] ?? argv[++i]);
  }
  const known = ['dataset', 'split', 'max-tokens', 'dimensions', 'k1', 'b', 'depth', 'rrf-k', 'vector-weight'];
  for (const name of values.keys()) if (!known.includes(name)) throw new Error(`unknown flag --${name}`);
  const dataset = values.get('dataset');
  if (!dataset) throw new Error('--dataset DIR is required (a BEIR directory with corpus.jsonl, queries.jsonl, qrels/)');
  const number = (name: string, fallback: number) => {
    const value = Number(values.get(name) ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  return {
    dataset,
    split: values.get('split') ?? 'test',
    maxTokens: number('max-tokens', DEFAULT_MAX_TOKENS),
    ...(values.has('dimensions') && { dimensions: number('dimensions', 0) }),
    k1: number('k1', BM25_K1),
    b: unitInterval(Number(values.get('b') ?? BM25_B)),
    depth: number('depth', 100),
    rrfK: number('rrf-k', 60),
    vectorWeight: number('vector-weight', 1),
    header: !off.has('header'),
    queryIdf: !off.has('query-idf'),
  };
}

/** The `limit` rows of a row-major unit-vector matrix closest to `query`, best first. */
function nearest(matrix: Float32Array, dimensions: number, query: Float32Array, limit: number): RankedId[] {
  const rows = matrix.length / dimensions;
  const scores = new Float32Array(rows);
  for (let r = 0, offset = 0; r < rows; r++, offset += dimensions) {
    let dot = 0;
    for (let d = 0; d < dimensions; d++) dot += matrix[offset + d] * query[d];
    scores[r] = dot;
  }
  const threshold = rows > limit ? Float32Array.from(scores).sort()[rows - limit] : -Infinity;
  const hits: number[] = [];
  for (let r = 0; r < rows; r++) if (scores[r] >= threshold) hits.push(r);
  hits.sort((x, y) => scores[y] - scores[x] || x - y);
  return hits.slice(0, limit).map((r, i) => ({ id: String(r), rank: i + 1 }));
}

function unitInterval(b: number): number {
  if (!(b >= 0 && b <= 1)) throw new Error('--b must be in [0, 1]');
  return b;
}

const ms = (from: number) => Math.round(performance.now() - from);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  let started = performance.now();
  const data = await loadBeir(options.dataset, options.split);
  const loadMs = ms(started);

  started = performance.now();
  const chunkDoc: string[] = [];
  const texts: string[] = [];
  for (const doc of data.corpus) {
    const extracted = toExtractedDocument(doc);
    for (const chunk of chunkDocument(extracted, { maxTokens: options.maxTokens })) {
      chunkDoc.push(doc.id);
      texts.push(options.header ? indexText(chunk, extracted.title) : chunk.text);
    }
  }
  const chunkMs = ms(started);

  started = performance.now();
  const bm25 = new Bm25Index(options.k1, options.b);
  texts.forEach((text, i) => bm25.add(String(i), termFrequencies(analyze(text))));
  const lexicalIndexMs = ms(started);

  started = performance.now();
  const embedder = new OfflineEmbedder({ dimensions: options.dimensions });
  const dims = embedder.dimensions;
  const matrix = new Float32Array(texts.length * dims);
  texts.forEach((text, i) => matrix.set(embedder.embed(text), i * dims));
  const embedMs = ms(started);

  // A chunk ranking becomes a document ranking by each document's best chunk.
  const toDocs = (hits: readonly { id: string }[]) => [...new Set(hits.map((hit) => chunkDoc[Number(hit.id)]))];
  const runs = { lexical: new Map<string, string[]>(), vector: new Map<string, string[]>(), hybrid: new Map<string, string[]>() };
  const queryMs = { lexical: 0, vector: 0, hybrid: 0 };
  for (const query of data.queries) {
    let t = performance.now();
    const lexical = bm25.search(analyze(query.text), options.depth);
    queryMs.lexical += performance.now() - t;
    t = performance.now();
    const idf = (term: string) => bm25Idf(bm25.size, bm25.documentFrequency(term));
    const queryVector = options.queryIdf ? embedder.embedWeightedQuery(query.text, idf) : embedder.embed(query.text);
    const vector = nearest(matrix, dims, queryVector, options.depth);
    queryMs.vector += performance.now() - t;
    t = performance.now();
    const fused = reciprocalRankFusion([lexical, vector], { k: options.rrfK, weights: [1, options.vectorWeight] });
    queryMs.hybrid += performance.now() - t;
    runs.lexical.set(query.id, toDocs(lexical));
    runs.vector.set(query.id, toDocs(vector));
    runs.hybrid.set(query.id, toDocs(fused));
  }

  const scores: Record<string, RunScores> = {};
  for (const [mode, run] of Object.entries(runs)) scores[mode] = evaluateRun(run, data.qrels);
  const name = path.basename(path.resolve(options.dataset));
  const { maxTokens, k1, b, depth, rrfK, vectorWeight, header, queryIdf } = options;
  const settings = `max-tokens ${maxTokens}, ${embedder.model}, k1 ${k1}, b ${b}, depth ${depth}, rrf-k ${rrfK}, vector-weight ${vectorWeight}, header ${header}, query-idf ${queryIdf}`;
  console.log(`retrieval quality on ${name}/${options.split}: ${data.corpus.length} docs, ${texts.length} chunks, ${data.queries.length} queries (${settings})`);
  console.log('mode      nDCG@10  recall@100  query ms (all)');
  for (const mode of ['lexical', 'vector', 'hybrid'] as const) {
    const s = scores[mode];
    console.log(`${mode.padEnd(9)} ${s.ndcg10.toFixed(4)}   ${s.recall100.toFixed(4)}      ${Math.round(queryMs[mode])}`);
  }
  const perSec = Math.round((texts.length * 1000) / Math.max(1, embedMs));
  console.log(`load ${loadMs} ms, chunk ${chunkMs} ms, analyze+BM25 index ${lexicalIndexMs} ms, embed ${embedMs} ms (${perSec} chunks/s)`);
  console.log(JSON.stringify({ dataset: name, split: options.split, docs: data.corpus.length, chunks: texts.length, options, model: embedder.model, scores, timingsMs: { loadMs, chunkMs, lexicalIndexMs, embedMs, query: queryMs } }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
