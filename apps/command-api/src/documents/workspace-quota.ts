import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ragstream/domain';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { DOCUMENT_LIMITS, type DocumentLimits } from './document-limits';

/**
 * Document and chunk quotas of a workspace, read from the read models before anything is stored.
 * Two ingests racing at the very edge can both pass; the quota is a guard rail, not a ledger.
 */
@Injectable()
export class WorkspaceQuota {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(DOCUMENT_LIMITS) private readonly limits: DocumentLimits,
  ) {}

  async checkRoomFor(tenantId: string, workspaceId: string): Promise<void> {
    const [usage] = await this.read(
      `SELECT (SELECT count(*) FROM documents WHERE tenant_id = $1 AND workspace_id = $2 AND deleted_at IS NULL)::int AS documents,
              (SELECT coalesce(sum(chunk_count), 0) FROM index_status WHERE tenant_id = $1 AND workspace_id = $2 AND state = 'indexed')::int AS chunks`,
      [tenantId, workspaceId],
    );
    const { WORKSPACE_MAX_DOCUMENTS: maxDocuments, WORKSPACE_MAX_CHUNKS: maxChunks } = this.limits;
    if (usage.documents >= maxDocuments) {
      throw new DomainError('WORKSPACE.DOCUMENT_LIMIT', 'rate-limited', `the workspace holds ${usage.documents} documents; the limit is ${maxDocuments}`, {
        limit: maxDocuments,
        used: usage.documents,
      });
    }
    if (usage.chunks >= maxChunks) {
      throw new DomainError('WORKSPACE.CHUNK_LIMIT', 'rate-limited', `the workspace holds ${usage.chunks} indexed chunks; the limit is ${maxChunks}`, {
        limit: maxChunks,
        used: usage.chunks,
      });
    }
  }

  /** A live document of the workspace whose current content is exactly these bytes, if any. */
  async sameContent(tenantId: string, workspaceId: string, sha256: string): Promise<{ documentId: string; revision: number; version: number; position: number } | undefined> {
    const rows = await this.read(
      `SELECT document_id, revision, version, position FROM documents WHERE tenant_id = $1 AND workspace_id = $2 AND content_sha256 = $3 AND deleted_at IS NULL LIMIT 1`,
      [tenantId, workspaceId, sha256],
    );
    return rows[0] && { documentId: rows[0].document_id, revision: rows[0].revision, version: rows[0].version, position: Number(rows[0].position) };
  }

  /** Before the projector first ran, the views do not exist: nothing is stored yet, so nothing counts. */
  private async read(sql: string, params: unknown[]): Promise<any[]> {
    try {
      return await this.db.query(sql, params);
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return sql.includes('count(') ? [{ documents: 0, chunks: 0 }] : [];
      throw error;
    }
  }
}
