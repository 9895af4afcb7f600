import { analyze, bm25Idf, type OfflineEmbedder } from '@ragstream/rag';
import type { Pool } from 'pg';

/**
 * The query vector the query API searches with for the offline embedder
 * (apps/query-api/src/search/search.queries.ts with term-idf.queries.ts): each query term
 * weighted by its BM25 IDF over the searched workspace. The exact baseline must search with the
 * very same vector, or it would rank a different question; `scoreMismatches` checks that it does.
 */
export async function queryVector(pool: Pool, embedder: OfflineEmbedder, workspaceId: string, query: string): Promise<Float32Array> {
  const terms = [...new Set(analyze(query))];
  const [corpus, stats] = await Promise.all([
    pool.query(`SELECT coalesce(sum(chunk_count), 0)::bigint AS n FROM corpus_stats WHERE workspace_id = ANY($1)`, [[workspaceId]]),
    pool.query(`SELECT term, sum(df)::bigint AS df FROM term_stats WHERE workspace_id = ANY($1) AND term = ANY($2) GROUP BY term`, [[workspaceId], terms]),
  ]);
  const documentCount = Number(corpus.rows[0].n);
  const df = new Map<string, number>(stats.rows.map((r: { term: string; df: string }) => [r.term, Number(r.df)]));
  return embedder.embedWeightedQuery(query, (term) => bm25Idf(documentCount, df.get(term) ?? 0));
}
