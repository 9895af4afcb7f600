import { bm25Idf } from '@ragstream/rag';
import type { DataSource } from 'typeorm';

/**
 * BM25 IDF of each query term over the searched workspaces, for weighting the offline embedder's
 * query vector: hashing alone cannot know which terms are rare. Terms the index has never seen
 * get the highest IDF.
 */
export async function termIdf(db: DataSource, workspaceIds: readonly string[], terms: readonly string[]): Promise<(term: string) => number> {
  const [[{ n }], rows] = await Promise.all([
    db.query(`SELECT coalesce(sum(chunk_count), 0)::bigint AS n FROM corpus_stats WHERE workspace_id = ANY($1)`, [workspaceIds]),
    db.query(`SELECT term, sum(df)::bigint AS df FROM term_stats WHERE workspace_id = ANY($1) AND term = ANY($2) GROUP BY term`, [workspaceIds, [...new Set(terms)]]),
  ]);
  const documentCount = Number(n);
  const df = new Map<string, number>(rows.map((r: { term: string; df: string }) => [r.term, Number(r.df)]));
  return (term) => bm25Idf(documentCount, df.get(term) ?? 0);
}
