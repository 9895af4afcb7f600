import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import type { DocumentFormat, downloadDocument, RouteInput } from '@ragstream/contracts';
import { DomainError } from '@ragstream/domain';
import type { ContentStore } from '@ragstream/event-store';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { ReadModelGate } from '../read-models/read-model-gate';
import { CONTENT_STORE } from './content-store.provider';
import { attachmentDisposition, downloadName, safeMediaType } from './download-headers';
import { ReadableDocuments } from './readable-documents.queries';

interface ContentRow {
  workspace_id: string;
  title: string;
  revision: number | null;
  format: DocumentFormat;
  media_type: string;
  file_name: string | null;
  content_sha256: string;
}

/** A revision's original bytes and the headers to answer them with. */
export interface DocumentFile {
  readonly bytes: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** The original content of the current revision, or of an older one, from the object store. */
@Injectable()
export class DocumentContentQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(CONTENT_STORE) private readonly content: ContentStore,
    private readonly gate: ReadModelGate,
    private readonly documents: ReadableDocuments,
  ) {}

  async download(principal: Principal, { params, query }: RouteInput<typeof downloadDocument>, minPosition: number | undefined): Promise<DocumentFile> {
    await this.gate.reach('documents', minPosition);
    const rows: ContentRow[] = await this.db.query(
      `SELECT d.workspace_id, d.title, r.revision, r.format, r.media_type, r.file_name, r.content_sha256
       FROM documents d LEFT JOIN document_revisions r
         ON r.tenant_id = d.tenant_id AND r.document_id = d.document_id AND r.revision = COALESCE($3::int, d.revision)
       WHERE d.tenant_id = $1 AND d.document_id = $2 AND d.deleted_at IS NULL`,
      [principal.tenantId, params.documentId, query.revision ?? null],
    );
    const row = await this.documents.orNotFound(principal, rows[0]);
    if (row.revision === null) throw new DomainError('DOCUMENT.REVISION_NOT_FOUND', 'not-found', `the document has no revision ${query.revision}`);
    const bytes = await this.content.get(row.content_sha256);
    // The bytes are stored before the event that names them, so a miss is an outage or a misconfigured bucket.
    if (!bytes) throw new DomainError('DOCUMENT.CONTENT_UNAVAILABLE', 'unavailable', 'the content of this revision cannot be read right now');
    return {
      bytes: Buffer.from(bytes),
      headers: {
        'content-type': safeMediaType(row.media_type),
        'content-length': String(bytes.byteLength),
        'content-disposition': attachmentDisposition(downloadName(row.file_name, row.title, row.format)),
        etag: `"${row.content_sha256}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-cache',
      },
    };
  }
}
