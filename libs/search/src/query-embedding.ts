import { DomainError } from '@ragstream/domain';
import { bm25Idf, OfflineEmbedder, type Embedder } from '@ragstream/rag';
import { resolveTables } from './search-tables.refs';
import type { SearchMode, SearchTableRefs, SqlQueryable } from './search-query.types';

/**
 * BM25 IDF of each query term over the searched workspaces, for weighting the offline embedder's
 * query vector: hashing alone cannot know which terms are rare. Terms the index has never seen
 * get the highest IDF.
 */
export async function termIdf(db: SqlQueryable, workspaceIds: readonly string[], terms: readonly string[], tables?: SearchTableRefs): Promise<(term: string) => number> {
  const t = resolveTables(tables);
  const [[{ n }], rows] = await Promise.all([
    db.query(`SELECT coalesce(sum(chunk_count), 0)::bigint AS n FROM ${t.corpus_stats} WHERE workspace_id = ANY($1)`, [workspaceIds]),
    db.query(`SELECT term, sum(df)::bigint AS df FROM ${t.term_stats} WHERE workspace_id = ANY($1) AND term = ANY($2) GROUP BY term`, [workspaceIds, [...new Set(terms)]]),
  ]);
  const documentCount = Number(n);
  const df = new Map<string, number>(rows.map((r: { term: string; df: string }) => [r.term, Number(r.df)]));
  return (term) => bm25Idf(documentCount, df.get(term) ?? 0);
}

export interface QueryEmbeddingInput {
  readonly query: string;
  readonly terms: readonly string[];
  readonly workspaceIds: readonly string[];
  readonly mode: SearchMode;
}

/**
 * The vector a search query ranks with: none needed for lexical search (zeros, sparing a possibly
 * remote call), the offline embedder's query weighted by term IDF (passages stay corpus-independent;
 * SciFact nDCG@10 0.56 -> 0.60), or the model's own query embedding. A model that does not answer
 * is SEARCH.EMBEDDING_UNAVAILABLE (503), with the provider's error as `cause`.
 */
export async function embedSearchQuery(db: SqlQueryable, embedder: Embedder, input: QueryEmbeddingInput, tables?: SearchTableRefs): Promise<Float32Array> {
  if (input.mode === 'lexical') return new Float32Array(embedder.dimensions);
  if (embedder instanceof OfflineEmbedder) return embedder.embedWeightedQuery(input.query, await termIdf(db, input.workspaceIds, input.terms, tables));
  try {
    return await embedder.embedQuery(input.query);
  } catch (error) {
    throw Object.assign(new DomainError('SEARCH.EMBEDDING_UNAVAILABLE', 'unavailable', 'the embedding model did not answer; lexical search still works'), { cause: error });
  }
}

/**
 * Titles of the hit documents, from the search read model itself so they match the indexed chunks
 * (a rename reaches both in the same projection).
 */
export async function hitTitles(db: SqlQueryable, tenantId: string, documentIds: readonly string[]): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows: { document_id: string; title: string }[] = await db.query(
    `SELECT document_id, title FROM index_status WHERE tenant_id = $1 AND document_id = ANY($2::text[])`,
    [tenantId, [...new Set(documentIds)]],
  );
  return new Map(rows.map((r) => [r.document_id, r.title]));
}
