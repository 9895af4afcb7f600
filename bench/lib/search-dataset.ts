import path from 'node:path';
import { loadBeir, type BeirDocument, type BeirQuery, type Qrels } from './beir';

/** The part of a BEIR data set one run uses. */
export interface BenchDataset {
  readonly name: string;
  readonly corpus: BeirDocument[];
  readonly queries: BeirQuery[];
  /** Judgements of the selected queries only, so scores average over exactly those. */
  readonly qrels: Qrels;
  readonly fullCorpusSize: number;
  /** Whether --limit-docs or --limit-queries cut anything. */
  readonly limited: boolean;
}

/**
 * Loads the test split and applies the limits. A limited corpus takes the documents judged for
 * the selected queries first, then the rest in file order: a quick run still has the answers in
 * its index, so its scores mean something (they are higher than a full run's: fewer distractors).
 */
export async function loadBenchDataset(dir: string, limits: { limitDocs?: number; limitQueries?: number }): Promise<BenchDataset> {
  const data = await loadBeir(dir, 'test');
  const queries = data.queries.slice(0, limits.limitQueries ?? data.queries.length);
  const qrels = new Map(queries.map((q) => [q.id, data.qrels.get(q.id)!]));
  let corpus = data.corpus;
  if (limits.limitDocs !== undefined && limits.limitDocs < corpus.length) {
    const judged = new Set([...qrels.values()].flatMap((grades) => [...grades.keys()]));
    const first = corpus.filter((d) => judged.has(d.id));
    const rest = corpus.filter((d) => !judged.has(d.id));
    corpus = [...first, ...rest].slice(0, limits.limitDocs);
  }
  const limited = corpus.length < data.corpus.length || queries.length < data.queries.length;
  return { name: path.basename(dir), corpus, queries, qrels, fullCorpusSize: data.corpus.length, limited };
}
