import { existsSync } from 'node:fs';
import path from 'node:path';
import { integerFlag, parseFlags } from './bench-flags';

/** Settings of the search benchmark. */
export interface SearchArgs {
  /** A BEIR-layout directory: corpus.jsonl, queries.jsonl, qrels/test.tsv. */
  readonly dataset: string;
  /** Concurrent ingest requests. */
  readonly concurrency: number;
  readonly limitDocs?: number;
  readonly limitQueries?: number;
  /** Chunks the workspace grows to for the scale phase; 0 skips it. */
  readonly scaleChunks: number;
  /** Longest the scale phase may ingest through the API before it writes the index directly. */
  readonly maxIngestSeconds: number;
  readonly logLevel: string;
  readonly logDir?: string;
}

/** The repository (this file is dist/bench/lib/search-args.js once built). */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const DEFAULT_DATASET = path.resolve(repoRoot, '..', 'shared', 'bench-data', 'scifact');

const BEIR_FILES = ['corpus.jsonl', 'queries.jsonl', path.join('qrels', 'test.tsv')];

/** The settings, or why the benchmark is skipped (no --dataset and no default data set on this machine). */
export function parseSearchArgs(argv: readonly string[]): SearchArgs | { skip: string } {
  const flags = parseFlags('search', argv);
  const given = flags.get('dataset');
  if (given === undefined && !existsSync(DEFAULT_DATASET)) return { skip: `no --dataset given and no ${DEFAULT_DATASET}: search benchmark skipped` };
  const dataset = path.resolve(typeof given === 'string' ? given : DEFAULT_DATASET);
  const missing = BEIR_FILES.filter((file) => !existsSync(path.join(dataset, file)));
  if (missing.length) throw new Error(`--dataset ${dataset} is not a BEIR directory: missing ${missing.join(', ')}`);
  const int = (flag: string, fallback: number | undefined, min: number) => {
    const value = flags.get(flag);
    return value === undefined ? fallback : integerFlag(flag, value, min);
  };
  const logDir = flags.get('log-dir');
  return {
    dataset,
    concurrency: int('concurrency', 8, 1)!,
    limitDocs: int('limit-docs', undefined, 1),
    limitQueries: int('limit-queries', undefined, 1),
    scaleChunks: int('scale-chunks', 100_000, 0)!,
    maxIngestSeconds: int('max-ingest-seconds', 600, 0)!,
    logLevel: String(flags.get('log-level') ?? 'warn'),
    ...(typeof logDir === 'string' && { logDir }),
  };
}
