import type { DocumentMetadata, DocumentSource, WorkspaceRole } from '@ragstream/contracts';
import type { DomainCommand } from '../shared';

/** The actor's standing in a workspace, looked up by the handler before it decides. */
export interface WorkspaceAccess {
  readonly workspaceId: string;
  readonly exists: boolean;
  readonly archived: boolean;
  readonly role: WorkspaceRole | null;
}

export type IngestDocument = DomainCommand<
  'IngestDocument',
  { access: WorkspaceAccess; title: string; source: DocumentSource; tags: string[]; metadata: DocumentMetadata }
>;
export type ReviseDocument = DomainCommand<'ReviseDocument', { access: WorkspaceAccess; source: DocumentSource }>;
/** Title, tags and metadata in one commit; fields left out stay as they are. */
export type LabelDocument = DomainCommand<
  'LabelDocument',
  { access: WorkspaceAccess; title?: string; tags?: string[]; metadata?: DocumentMetadata }
>;
export type MoveDocument = DomainCommand<'MoveDocument', { access: WorkspaceAccess; target: WorkspaceAccess }>;
export type DeleteDocument = DomainCommand<'DeleteDocument', { access: WorkspaceAccess }>;
export type RequestReindex = DomainCommand<'RequestReindex', { access: WorkspaceAccess; reason: string }>;

export type DocumentCommand =
  | IngestDocument
  | ReviseDocument
  | LabelDocument
  | MoveDocument
  | DeleteDocument
  | RequestReindex;
