// BEIR datasets (corpus.jsonl, queries.jsonl, qrels/<split>.tsv) and the two measures BEIR
// reports, computed as pytrec_eval does: nDCG with linear gains and log2 discounts, and recall
// of the judged-relevant documents.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ExtractedDocument } from '@ragstream/rag';

export interface BeirDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface BeirQuery {
  readonly id: string;
  readonly text: string;
}

/** Relevance grades by query id, then document id. */
export type Qrels = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface BeirDataset {
  readonly corpus: BeirDocument[];
  /** Only the queries judged in the split, in file order. */
  readonly queries: BeirQuery[];
  readonly qrels: Qrels;
}

/** Reads a BEIR dataset directory; `split` names the qrels file (`test` for SciFact). */
export async function loadBeir(dir: string, split = 'test'): Promise<BeirDataset> {
  const qrels = await readQrels(path.join(dir, 'qrels', `${split}.tsv`));
  const corpus: BeirDocument[] = [];
  for await (const row of readJsonl(path.join(dir, 'corpus.jsonl'))) {
    corpus.push({ id: String(row._id), title: String(row.title ?? ''), text: String(row.text ?? '') });
  }
  const queries: BeirQuery[] = [];
  for await (const row of readJsonl(path.join(dir, 'queries.jsonl'))) {
    if (qrels.has(String(row._id))) queries.push({ id: String(row._id), text: String(row.text ?? '') });
  }
  return { corpus, queries, qrels };
}

/** One JSON object per non-empty line, streamed (BEIR corpora reach gigabytes). */
export async function* readJsonl(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
}

/** Reads `query-id corpus-id score` rows after a header line. */
export async function readQrels(file: string): Promise<Qrels> {
  const qrels = new Map<string, Map<string, number>>();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header || !line.trim()) {
      header = false;
      continue;
    }
    const [query, doc, score] = line.split('\t');
    if (!qrels.has(query)) qrels.set(query, new Map());
    qrels.get(query)!.set(doc, Number(score));
  }
  return qrels;
}

/**
 * A BEIR document as the Markdown extractor would see "# title\n\ntext": a level-1 heading that
 * is also the title, then the text's paragraphs under it.
 */
export function toExtractedDocument(doc: BeirDocument): ExtractedDocument {
  const title = doc.title.trim();
  const head = title ? `${title}\n\n` : '';
  const text = head + doc.text;
  const blocks: ExtractedDocument['blocks'][number][] = title ? [{ kind: 'heading', level: 1, start: 0, end: title.length, headingPath: [] }] : [];
  for (const m of doc.text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    if (m[0].trim()) blocks.push({ kind: 'paragraph', start: head.length + m.index!, end: head.length + m.index! + m[0].length, headingPath: title ? [title] : [] });
  }
  return { text, blocks, ...(title && { title }) };
}

/** nDCG@k of one ranking (document ids, best first) against one query's grades. */
export function ndcgAt(ranking: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => (dcg += (grades.get(id) ?? 0) / Math.log2(i + 2)));
  const ideal = [...grades.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

/** Share of the relevant (grade > 0) documents found in the first k. */
export function recallAt(ranking: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  if (relevant === 0) return 0;
  return ranking.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length / relevant;
}

export interface RunScores {
  readonly ndcg10: number;
  readonly recall100: number;
  readonly queries: number;
}

/** Mean nDCG@10 and recall@100 over the judged queries with a relevant document; a query missing from the run scores 0. */
export function evaluateRun(run: ReadonlyMap<string, readonly string[]>, qrels: Qrels): RunScores {
  let ndcg = 0;
  let recall = 0;
  let queries = 0;
  for (const [query, grades] of qrels) {
    if (![...grades.values()].some((g) => g > 0)) continue;
    const ranking = run.get(query) ?? [];
    ndcg += ndcgAt(ranking, grades, 10);
    recall += recallAt(ranking, grades, 100);
    queries++;
  }
  return { ndcg10: queries ? ndcg / queries : 0, recall100: queries ? recall / queries : 0, queries };
}
