import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import { DocumentMetadata, DocumentSource, DocumentTitle, Tags } from './document.schemas';

/** Aggregate `document`: one document of a workspace, its revisions and its labels. */
export const DocumentIngested = defineEvent('document.ingested', [
  z.object({ workspaceId: z.uuid(), title: DocumentTitle, source: DocumentSource, tags: Tags, metadata: DocumentMetadata, revision: z.number().int().positive() }),
]);
/** `title` is the title at revision time: the indexer puts it in each chunk's context. */
export const DocumentRevised = defineEvent('document.revised', [z.object({ source: DocumentSource, revision: z.number().int().positive(), title: DocumentTitle })]);
export const DocumentRenamed = defineEvent('document.renamed', [z.object({ title: DocumentTitle })]);
export const DocumentRetagged = defineEvent('document.retagged', [z.object({ tags: Tags })]);
export const DocumentMetadataSet = defineEvent('document.metadata_set', [z.object({ metadata: DocumentMetadata })]);
export const DocumentMoved = defineEvent('document.moved', [z.object({ fromWorkspaceId: z.uuid(), toWorkspaceId: z.uuid() })]);
export const DocumentDeleted = defineEvent('document.deleted', [z.object({})]);
/** Asks the indexer to try the current revision again, e.g. after the embedding provider failed. */
export const DocumentReindexRequested = defineEvent('document.reindex_requested', [z.object({ revision: z.number().int().positive(), source: DocumentSource, title: DocumentTitle, reason: z.string().max(500) })]);

export const documentEvents = [
  DocumentIngested,
  DocumentRevised,
  DocumentRenamed,
  DocumentRetagged,
  DocumentMetadataSet,
  DocumentMoved,
  DocumentDeleted,
  DocumentReindexRequested,
] as const;
export type DocumentEvent = EventOf<(typeof documentEvents)[number]>;
