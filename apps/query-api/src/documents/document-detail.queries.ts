import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import type { getDocument, RouteInput } from '@ragstream/contracts';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { ReadModelGate } from '../read-models/read-model-gate';
import { DOCUMENT_COLUMNS, toRevision, toSummary, type DocumentRow, type RevisionRow } from './document-row';
import { STATUS_JOINS } from './document-status';
import { ReadableDocuments } from './readable-documents.queries';

/** One document with every revision and its indexing status. */
@Injectable()
export class DocumentDetailQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly gate: ReadModelGate,
    private readonly documents: ReadableDocuments,
  ) {}

  async get(principal: Principal, { params }: RouteInput<typeof getDocument>, minPosition: number | undefined) {
    await this.gate.reach('documents', minPosition);
    const rows: DocumentRow[] = await this.db.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d ${STATUS_JOINS} WHERE d.tenant_id = $1 AND d.document_id = $2 AND d.deleted_at IS NULL`,
      [principal.tenantId, params.documentId],
    );
    const row = await this.documents.orNotFound(principal, rows[0]);
    const revisions: RevisionRow[] = await this.db.query(
      `SELECT revision, source_type, format, media_type, file_name, source_url, content_sha256, content_size, created_by, created_at
       FROM document_revisions WHERE tenant_id = $1 AND document_id = $2 ORDER BY revision`,
      [principal.tenantId, params.documentId],
    );
    return { ...toSummary(row), revisions: revisions.map(toRevision) };
  }
}
