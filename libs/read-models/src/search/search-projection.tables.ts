import type { SqlExecutor, TableNames } from '@ragstream/projections';
import { createSearchTables, searchTables } from '@ragstream/search';

export const searchProjectionTables = [...searchTables, 'index_status'] as const;
export type SearchProjectionTable = (typeof searchProjectionTables)[number];

/** Not versioned: progress of the revision being embedded right now, written outside the projection transaction. */
export const PROGRESS_TABLE = 'search_progress';

/** The index tables plus one status row per document: what was indexed, or why it failed. */
export async function createSearchProjectionTables(sql: SqlExecutor, t: TableNames<SearchProjectionTable>, dimensions: number): Promise<void> {
  await createSearchTables(sql, t as TableNames<any>, { dimensions });
  await sql.query(`
    CREATE TABLE IF NOT EXISTS ${t('index_status')} (
      tenant_id text NOT NULL, document_id text NOT NULL, workspace_id text NOT NULL, revision integer NOT NULL,
      state text NOT NULL, reason text, retryable boolean NOT NULL DEFAULT false, chunk_count integer NOT NULL DEFAULT 0,
      title text NOT NULL, source_type text NOT NULL, format text NOT NULL, tags text[] NOT NULL, metadata jsonb NOT NULL,
      document_date timestamptz NOT NULL, updated_at timestamptz NOT NULL, position bigint NOT NULL,
      PRIMARY KEY (tenant_id, document_id));
    CREATE INDEX IF NOT EXISTS ${t('index_status')}_workspace ON ${t('index_status')} (tenant_id, workspace_id) WHERE state <> 'deleted';
    CREATE INDEX IF NOT EXISTS ${t('index_status')}_retry ON ${t('index_status')} (updated_at) WHERE state = 'failed' AND retryable;
    CREATE TABLE IF NOT EXISTS ${PROGRESS_TABLE} (
      tenant_id text NOT NULL, document_id text NOT NULL, revision integer NOT NULL, done integer NOT NULL, total integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, document_id, revision));
  `);
}
