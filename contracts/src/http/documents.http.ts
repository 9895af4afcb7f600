import { z } from 'zod';
import { DocumentFormat, DocumentMetadata, DocumentTitle, SourceType, Tags } from '../events/document.schemas';
import { CommandAccepted, MinPositionQuery, PageQuery, Paged } from './common.http';
import { defineRoute } from './route-contract';

const WorkspaceParams = z.object({ workspaceId: z.uuid() });
const DocumentParams = z.object({ documentId: z.uuid() });
const Labels = { tags: Tags.default([]), metadata: DocumentMetadata.default({}) };

/** What an ingestion answers: the document, and whether the content was already there. */
export const DocumentAccepted = CommandAccepted.extend({
  documentId: z.uuid(),
  revision: z.number().int(),
  duplicate: z.boolean().describe('true when this workspace already holds the same content: nothing new was written'),
});

export const TextOrUrlBody = z.union([
  z.object({ title: DocumentTitle, text: z.string().min(1), format: z.enum(['text', 'markdown', 'html', 'json', 'csv', 'vtt', 'srt']).default('text'), ...Labels }).strict(),
  z.object({ title: DocumentTitle.optional(), url: z.url().max(2048), ...Labels }).strict(),
]);

export const ingestDocument = defineRoute({
  method: 'post',
  path: '/v1/workspaces/{workspaceId}/documents',
  summary: 'Ingest a document from text in the body or from a URL (for files, use /files)',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  params: WorkspaceParams,
  body: TextOrUrlBody,
  response: DocumentAccepted,
  status: 202,
});

export const uploadDocument = defineRoute({
  method: 'post',
  path: '/v1/workspaces/{workspaceId}/documents/files',
  summary: 'Upload a file (multipart/form-data: `file`, optional `title`, `tags` comma-separated, `metadata` as JSON)',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  params: WorkspaceParams,
  response: DocumentAccepted,
  status: 202,
});

export const reviseDocument = defineRoute({
  method: 'post',
  path: '/v1/documents/{documentId}/revisions',
  summary: 'Replace the content with text or a URL; the new revision replaces the old one atomically in search',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: DocumentParams,
  body: z.union([
    z.object({ text: z.string().min(1), format: z.enum(['text', 'markdown', 'html', 'json', 'csv', 'vtt', 'srt']).default('text') }).strict(),
    z.object({ url: z.url().max(2048) }).strict(),
  ]),
  response: DocumentAccepted,
  status: 202,
});

export const uploadRevision = defineRoute({
  method: 'post',
  path: '/v1/documents/{documentId}/revisions/files',
  summary: 'Replace the content with an uploaded file (multipart/form-data: `file`)',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: DocumentParams,
  response: DocumentAccepted,
  status: 202,
});

export const labelDocument = defineRoute({
  method: 'patch',
  path: '/v1/documents/{documentId}',
  summary: 'Rename, retag or set the metadata of a document (fields left out stay)',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: DocumentParams,
  body: z.object({ title: DocumentTitle.optional(), tags: Tags.optional(), metadata: DocumentMetadata.optional() }).strict(),
  response: CommandAccepted,
  status: 200,
});

export const moveDocument = defineRoute({
  method: 'post',
  path: '/v1/documents/{documentId}/move',
  summary: 'Move a document to another workspace of the tenant',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: DocumentParams,
  body: z.object({ workspaceId: z.uuid() }).strict(),
  response: CommandAccepted,
  status: 200,
});

export const deleteDocument = defineRoute({
  method: 'delete',
  path: '/v1/documents/{documentId}',
  summary: 'Delete a document; its chunks leave search once the position is projected',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: DocumentParams,
  response: CommandAccepted,
  status: 200,
});

export const reindexDocument = defineRoute({
  method: 'post',
  path: '/v1/documents/{documentId}/reindex',
  summary: 'Index the current revision again (after a failure, or to pick up a changed model)',
  tags: ['documents'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  params: DocumentParams,
  response: CommandAccepted,
  status: 202,
});

export const IndexState = z.enum(['pending', 'indexing', 'indexed', 'failed']);

export const DocumentStatus = z.object({
  state: IndexState,
  revision: z.number().int().describe('the revision this status is about'),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  chunkCount: z.number().int(),
  reason: z.string().nullable(),
  retryable: z.boolean(),
});

export const DocumentSummary = z.object({
  documentId: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  sourceType: SourceType,
  format: DocumentFormat,
  mediaType: z.string(),
  fileName: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  contentSha256: z.string(),
  size: z.number().int(),
  revision: z.number().int(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  status: DocumentStatus,
});

export const DocumentRevision = z.object({
  revision: z.number().int(),
  sourceType: SourceType,
  format: DocumentFormat,
  mediaType: z.string(),
  fileName: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  contentSha256: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const listDocuments = defineRoute({
  method: 'get',
  path: '/v1/workspaces/{workspaceId}/documents',
  summary: 'List the documents of a workspace, newest first, with their indexing status',
  tags: ['documents'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  params: WorkspaceParams,
  query: PageQuery.extend({
    tag: z.string().max(64).optional(),
    sourceType: SourceType.optional(),
    format: DocumentFormat.optional(),
    status: IndexState.optional(),
    title: z.string().max(200).optional().describe('case-insensitive substring of the title'),
  }).extend(MinPositionQuery.shape),
  response: Paged(DocumentSummary),
  status: 200,
});

export const getDocument = defineRoute({
  method: 'get',
  path: '/v1/documents/{documentId}',
  summary: 'A document with its revisions and indexing status',
  tags: ['documents'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  params: DocumentParams,
  query: MinPositionQuery,
  response: DocumentSummary.extend({ revisions: z.array(DocumentRevision) }),
  status: 200,
});

export const downloadDocument = defineRoute({
  method: 'get',
  path: '/v1/documents/{documentId}/content',
  summary: 'The original bytes of the current (or a given) revision',
  tags: ['documents'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  params: DocumentParams,
  query: MinPositionQuery.extend({ revision: z.coerce.number().int().positive().optional() }),
  response: z.any().describe('the file, with its media type'),
  status: 200,
});
