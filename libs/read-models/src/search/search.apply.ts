import type { DocumentEvent } from '@ragstream/contracts';
import type { SqlExecutor, TableNames } from '@ragstream/projections';
import { moveDocument, removeDocument, replaceDocument, updateDocumentFilters, type ChunkToIndex } from '@ragstream/search';
import type { IndexOutcome } from './document-indexer';
import { PROGRESS_TABLE, type SearchProjectionTable } from './search-projection.tables';

type T = TableNames<SearchProjectionTable>;

export interface StatusContext {
  readonly tenantId: string;
  readonly documentId: string;
  readonly position: number;
  readonly at: string;
}

interface StatusRow {
  workspace_id: string;
  source_type: ChunkToIndex['sourceType'];
  format: string;
  tags: string[];
  metadata: Record<string, string | number | boolean>;
  document_date: Date;
}

/** Applies one document event to the index and the document's status row. */
export async function applySearchEvent(sql: SqlExecutor, t: T, e: DocumentEvent, c: StatusContext, outcome: IndexOutcome | undefined): Promise<void> {
  const doc = { tenantId: c.tenantId, documentId: c.documentId };
  switch (e.type) {
    case 'document.ingested': {
      const { workspaceId, title, source, tags, metadata, revision } = e.data;
      await sql.query(
        `INSERT INTO ${t('index_status')} (tenant_id, document_id, workspace_id, revision, state, title, source_type, format, tags, metadata, document_date, updated_at, position)
         VALUES ($1,$2,$3,$4,'pending',$5,$6,$7,$8,$9,$10,$10,$11)
         ON CONFLICT (tenant_id, document_id) DO UPDATE SET workspace_id = excluded.workspace_id, revision = excluded.revision, title = excluded.title,
           source_type = excluded.source_type, format = excluded.format, tags = excluded.tags, metadata = excluded.metadata,
           document_date = excluded.document_date, updated_at = excluded.updated_at, position = excluded.position`,
        [c.tenantId, c.documentId, workspaceId, revision, title, source.type, source.format, tags, metadata, c.at, c.position],
      );
      return indexOutcome(sql, t, c, revision, required(outcome, c));
    }
    case 'document.revised':
    case 'document.reindex_requested':
      await setStatus(sql, t, c, 'revision = $4, title = $5, source_type = $6, format = $7', [e.data.revision, e.data.title, e.data.source.type, e.data.source.format]);
      return indexOutcome(sql, t, c, e.data.revision, required(outcome, c));
    case 'document.renamed':
      return setStatus(sql, t, c, 'title = $4', [e.data.title]);
    case 'document.retagged':
      await updateDocumentFilters(sql, t as TableNames<any>, { ...doc, tags: e.data.tags, position: c.position });
      return setStatus(sql, t, c, 'tags = $4', [e.data.tags]);
    case 'document.metadata_set':
      await updateDocumentFilters(sql, t as TableNames<any>, { ...doc, metadata: e.data.metadata, position: c.position });
      return setStatus(sql, t, c, 'metadata = $4', [e.data.metadata]);
    case 'document.moved':
      await moveDocument(sql, t as TableNames<any>, { ...doc, toWorkspaceId: e.data.toWorkspaceId, position: c.position });
      return setStatus(sql, t, c, 'workspace_id = $4', [e.data.toWorkspaceId]);
    case 'document.deleted':
      await removeDocument(sql, t as TableNames<any>, doc);
      return setStatus(sql, t, c, `state = 'deleted', chunk_count = 0, reason = NULL, retryable = false`, []);
  }
}

function required(outcome: IndexOutcome | undefined, c: StatusContext): IndexOutcome {
  // Prepare runs for every position above the checkpoint; a gap here means a bug, so fail loudly and retry.
  if (!outcome) throw new Error(`position ${c.position} reached apply without its prepared index outcome`);
  return outcome;
}

/** Writes a revision's chunks in place of the previous ones, or removes them and records why it failed. */
async function indexOutcome(sql: SqlExecutor, t: T, c: StatusContext, revision: number, outcome: IndexOutcome): Promise<void> {
  const doc = { tenantId: c.tenantId, documentId: c.documentId };
  await sql.query(`DELETE FROM ${PROGRESS_TABLE} WHERE tenant_id = $1 AND document_id = $2 AND revision <= $3`, [c.tenantId, c.documentId, revision]);
  if (!outcome.ok) {
    // A superseded revision's chunks must not outlive it, even when the new one cannot be indexed.
    await removeDocument(sql, t as TableNames<any>, doc);
    return setStatus(sql, t, c, `state = 'failed', reason = $4, retryable = $5, chunk_count = 0`, [outcome.reason, outcome.retryable]);
  }
  const [row] = (await sql.query(
    `SELECT workspace_id, source_type, format, tags, metadata, document_date FROM ${t('index_status')} WHERE tenant_id = $1 AND document_id = $2`,
    [c.tenantId, c.documentId],
  )) as StatusRow[];
  const chunks: ChunkToIndex[] = outcome.chunks.map((chunk) => ({
    ...chunk,
    ...doc,
    workspaceId: row.workspace_id,
    documentVersion: revision,
    tags: row.tags,
    metadata: row.metadata,
    sourceType: row.source_type,
    format: row.format,
    documentDate: row.document_date,
  }));
  await replaceDocument(sql, t as TableNames<any>, doc, chunks, { position: c.position });
  await setStatus(sql, t, c, `state = 'indexed', reason = NULL, retryable = false, chunk_count = $4`, [chunks.length]);
}

/** Updates the status row; `set` numbers its parameters from $4 ($3 is the position). */
function setStatus(sql: SqlExecutor, t: T, c: StatusContext, set: string, params: unknown[]): Promise<void> {
  const at = `$${4 + params.length}`;
  return sql.query(`UPDATE ${t('index_status')} SET ${set}, updated_at = ${at}, position = $3 WHERE tenant_id = $1 AND document_id = $2`, [
    c.tenantId,
    c.documentId,
    c.position,
    ...params,
    c.at,
  ]);
}
