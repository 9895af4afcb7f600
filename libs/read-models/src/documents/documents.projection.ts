import type { DocumentEvent, DocumentSource } from '@ragstream/contracts';
import type { Commit } from '@ragstream/event-store';
import type { Projection, SqlExecutor, TableNames } from '@ragstream/projections';
import { createDocumentsTables, documentsTables, type DocumentsTable } from './documents.tables';

type T = TableNames<DocumentsTable>;

interface Written {
  readonly tenantId: string;
  readonly documentId: string;
  readonly actor: string;
  readonly at: string;
  readonly version: number;
  readonly position: number;
}

/** Documents and their revisions, for listing, detail, duplicate detection and downloads. */
export const documentsProjection: Projection<DocumentsTable> = {
  name: 'documents',
  version: 1,
  tables: documentsTables,
  setup: createDocumentsTables,
  async apply(sql: SqlExecutor, commit: Commit, t: T) {
    const { envelope } = commit;
    if (envelope.aggregateType !== 'document') return;
    const w: Written = {
      tenantId: envelope.tenantId,
      documentId: envelope.aggregateId,
      actor: `${envelope.actor.type}:${envelope.actor.id}`,
      at: envelope.occurredAt,
      version: envelope.version,
      position: commit.position,
    };
    for (const event of commit.events) await applyDocumentEvent(sql, t, event as DocumentEvent, w);
  },
};

async function applyDocumentEvent(sql: SqlExecutor, t: T, e: DocumentEvent, w: Written): Promise<void> {
  switch (e.type) {
    case 'document.ingested': {
      const { workspaceId, title, source, tags, metadata, revision } = e.data;
      await sql.query(
        `INSERT INTO ${t('documents')} (tenant_id, document_id, workspace_id, title, source_type, format, media_type, file_name, source_url,
           content_sha256, content_size, revision, tags, metadata, created_by, created_at, updated_at, deleted_at, version, position)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16,NULL,$17,$18)
         ON CONFLICT (tenant_id, document_id) DO UPDATE SET workspace_id = excluded.workspace_id, title = excluded.title,
           source_type = excluded.source_type, format = excluded.format, media_type = excluded.media_type, file_name = excluded.file_name,
           source_url = excluded.source_url, content_sha256 = excluded.content_sha256, content_size = excluded.content_size,
           revision = excluded.revision, tags = excluded.tags, metadata = excluded.metadata, updated_at = excluded.updated_at,
           deleted_at = NULL, version = excluded.version, position = excluded.position`,
        [w.tenantId, w.documentId, workspaceId, title, ...sourceColumns(source), revision, tags, metadata, w.actor, w.at, w.version, w.position],
      );
      return addRevision(sql, t, w, source, revision);
    }
    case 'document.revised':
      await touch(sql, t, w, `source_type = $5, format = $6, media_type = $7, file_name = $8, source_url = $9, content_sha256 = $10, content_size = $11, revision = $12`, [
        ...sourceColumns(e.data.source),
        e.data.revision,
      ]);
      return addRevision(sql, t, w, e.data.source, e.data.revision);
    case 'document.renamed':
      return touch(sql, t, w, 'title = $5', [e.data.title]);
    case 'document.retagged':
      return touch(sql, t, w, 'tags = $5', [e.data.tags]);
    case 'document.metadata_set':
      return touch(sql, t, w, 'metadata = $5', [e.data.metadata]);
    case 'document.moved':
      return touch(sql, t, w, 'workspace_id = $5', [e.data.toWorkspaceId]);
    case 'document.deleted':
      return touch(sql, t, w, 'deleted_at = $3', []);
    case 'document.reindex_requested':
      return touch(sql, t, w, '', []);
  }
}

function sourceColumns(s: DocumentSource): unknown[] {
  return [s.type, s.format, s.mediaType, s.fileName ?? null, s.url ?? null, s.content.sha256, s.content.size];
}

function addRevision(sql: SqlExecutor, t: T, w: Written, source: DocumentSource, revision: number): Promise<void> {
  return sql.query(
    `INSERT INTO ${t('document_revisions')} VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) ON CONFLICT DO NOTHING`,
    [w.tenantId, w.documentId, revision, ...sourceColumns(source), w.actor, w.at, w.position],
  );
}

/**
 * Updates the document row unless a later commit already wrote it. `<=`, not `<`: one commit may
 * carry several events (a rename and a retag), and each must land; every SET is absolute, so
 * applying a commit again changes nothing.
 */
function touch(sql: SqlExecutor, t: T, w: Written, set: string, params: unknown[]): Promise<void> {
  const at = `$${5 + params.length}`;
  const assignments = [set, 'updated_at = $3', 'version = $4', `position = ${at}`].filter(Boolean).join(', ');
  return sql.query(
    `UPDATE ${t('documents')} SET ${assignments} WHERE tenant_id = $1 AND document_id = $2 AND position <= ${at}`,
    [w.tenantId, w.documentId, w.at, w.version, ...params, w.position],
  );
}
