import type { SqlExecutor, TableNames } from '@ragstream/projections';

export const searchTables = ['chunks', 'postings', 'term_stats', 'corpus_stats'] as const;
export type SearchTable = (typeof searchTables)[number];

export interface SearchTableOptions {
  /** Embedding dimension of this index version; a different model means a new version. */
  readonly dimensions: number;
  /** HNSW graph degree and build beam; pgvector's defaults unless measured otherwise. */
  readonly hnsw?: { readonly m?: number; readonly efConstruction?: number };
}

/** DDL of one version of the search index: chunks with their vectors, BM25 postings and per-workspace statistics. */
export async function createSearchTables(sql: SqlExecutor, t: TableNames<SearchTable>, options: SearchTableOptions): Promise<void> {
  const dims = positiveInt(options.dimensions, 'dimensions');
  const m = positiveInt(options.hnsw?.m ?? 16, 'hnsw.m');
  const efConstruction = positiveInt(options.hnsw?.efConstruction ?? 64, 'hnsw.efConstruction');
  // doc_len is the chunk's analysed length (BM25's document is the chunk); postings repeat it so
  // scoring never touches the chunks heap.
  await sql.query(`
    CREATE TABLE IF NOT EXISTS ${t('chunks')} (
      chunk_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id text NOT NULL, workspace_id text NOT NULL, document_id text NOT NULL, document_version integer NOT NULL,
      chunk_index integer NOT NULL, text text NOT NULL, token_count integer NOT NULL,
      start_offset integer NOT NULL, end_offset integer NOT NULL, heading_path text[] NOT NULL,
      page integer, page_end integer, start_ms integer, end_ms integer, doc_len integer NOT NULL,
      tags text[] NOT NULL, metadata jsonb NOT NULL, source_type text NOT NULL, format text NOT NULL,
      document_date timestamptz NOT NULL, position bigint NOT NULL, embedding vector(${dims}) NOT NULL,
      UNIQUE (tenant_id, document_id, chunk_index));
    CREATE INDEX IF NOT EXISTS ${t('chunks')}_workspace ON ${t('chunks')} (tenant_id, workspace_id);
    CREATE INDEX IF NOT EXISTS ${t('chunks')}_tags ON ${t('chunks')} USING gin (tags);
    CREATE INDEX IF NOT EXISTS ${t('chunks')}_metadata ON ${t('chunks')} USING gin (metadata jsonb_path_ops);
    CREATE INDEX IF NOT EXISTS ${t('chunks')}_embedding ON ${t('chunks')}
      USING hnsw (embedding vector_cosine_ops) WITH (m = ${m}, ef_construction = ${efConstruction});
    CREATE TABLE IF NOT EXISTS ${t('postings')} (
      workspace_id text NOT NULL, term text NOT NULL, chunk_key bigint NOT NULL, tf integer NOT NULL, doc_len integer NOT NULL,
      PRIMARY KEY (workspace_id, term, chunk_key) INCLUDE (tf, doc_len));
    CREATE INDEX IF NOT EXISTS ${t('postings')}_chunk ON ${t('postings')} (chunk_key);
    CREATE TABLE IF NOT EXISTS ${t('term_stats')} (
      workspace_id text NOT NULL, term text NOT NULL, df integer NOT NULL, PRIMARY KEY (workspace_id, term));
    CREATE TABLE IF NOT EXISTS ${t('corpus_stats')} (
      workspace_id text PRIMARY KEY, tenant_id text NOT NULL, chunk_count bigint NOT NULL, total_length bigint NOT NULL);
  `);
}

function positiveInt(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer, got ${value}`);
  return value;
}
