import type { SqlExecutor, TableNames } from '@ragstream/projections';

export const documentsTables = ['documents', 'document_revisions'] as const;
export type DocumentsTable = (typeof documentsTables)[number];

/** DDL of one version of the documents read model: the current state of each document and every revision. */
export async function createDocumentsTables(sql: SqlExecutor, t: TableNames<DocumentsTable>): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS ${t('documents')} (
      tenant_id text NOT NULL, document_id text NOT NULL, workspace_id text NOT NULL, title text NOT NULL,
      source_type text NOT NULL, format text NOT NULL, media_type text NOT NULL, file_name text, source_url text,
      content_sha256 text NOT NULL, content_size bigint NOT NULL, revision integer NOT NULL,
      tags text[] NOT NULL, metadata jsonb NOT NULL, created_by text NOT NULL,
      created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, deleted_at timestamptz,
      version integer NOT NULL, position bigint NOT NULL,
      PRIMARY KEY (tenant_id, document_id));
    CREATE INDEX IF NOT EXISTS ${t('documents')}_workspace ON ${t('documents')} (tenant_id, workspace_id, created_at DESC, document_id) WHERE deleted_at IS NULL;
    CREATE INDEX IF NOT EXISTS ${t('documents')}_content ON ${t('documents')} (tenant_id, workspace_id, content_sha256) WHERE deleted_at IS NULL;
    CREATE INDEX IF NOT EXISTS ${t('documents')}_tags ON ${t('documents')} USING gin (tags);
    CREATE TABLE IF NOT EXISTS ${t('document_revisions')} (
      tenant_id text NOT NULL, document_id text NOT NULL, revision integer NOT NULL,
      source_type text NOT NULL, format text NOT NULL, media_type text NOT NULL, file_name text, source_url text,
      content_sha256 text NOT NULL, content_size bigint NOT NULL, created_by text NOT NULL, created_at timestamptz NOT NULL,
      position bigint NOT NULL,
      PRIMARY KEY (tenant_id, document_id, revision));
  `);
}
