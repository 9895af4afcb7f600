import type { DocumentRevision, DocumentSummary } from '@ragstream/contracts';
import type { z } from 'zod';
import { statusOf, STATUS_COLUMNS, type StatusColumns } from './document-status';

/** Columns of a `documents` row (alias `d`) with its status, as the list and the detail select them. */
export const DOCUMENT_COLUMNS = `d.document_id, d.workspace_id, d.title, d.source_type, d.format, d.media_type, d.file_name, d.source_url,
  d.content_sha256, d.content_size, d.revision, d.tags, d.metadata, d.created_at, d.updated_at, d.version, ${STATUS_COLUMNS}`;

interface SourceColumns {
  source_type: z.infer<typeof DocumentSummary>['sourceType'];
  format: z.infer<typeof DocumentSummary>['format'];
  media_type: string;
  file_name: string | null;
  source_url: string | null;
  content_sha256: string;
  /** bigint: pg hands it over as a string. */
  content_size: string | number;
}

export interface DocumentRow extends SourceColumns, StatusColumns {
  document_id: string;
  workspace_id: string;
  title: string;
  revision: number;
  tags: string[];
  metadata: Record<string, string | number | boolean>;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface RevisionRow extends SourceColumns {
  revision: number;
  created_by: string;
  created_at: Date;
}

const source = (r: SourceColumns) => ({
  sourceType: r.source_type,
  format: r.format,
  mediaType: r.media_type,
  fileName: r.file_name,
  sourceUrl: r.source_url,
  contentSha256: r.content_sha256,
  size: Number(r.content_size),
});

export function toSummary(r: DocumentRow): z.infer<typeof DocumentSummary> {
  return {
    documentId: r.document_id,
    workspaceId: r.workspace_id,
    title: r.title,
    ...source(r),
    revision: r.revision,
    tags: r.tags,
    metadata: r.metadata,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
    status: statusOf(r, r.revision),
  };
}

export function toRevision(r: RevisionRow): z.infer<typeof DocumentRevision> {
  return { revision: r.revision, ...source(r), createdAt: r.created_at.toISOString(), createdBy: r.created_by };
}
