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
export type RenameDocument = DomainCommand<'RenameDocument', { access: WorkspaceAccess; title: string }>;
export type RetagDocument = DomainCommand<'RetagDocument', { access: WorkspaceAccess; tags: string[] }>;
export type SetDocumentMetadata = DomainCommand<'SetDocumentMetadata', { access: WorkspaceAccess; metadata: DocumentMetadata }>;
export type MoveDocument = DomainCommand<'MoveDocument', { access: WorkspaceAccess; target: WorkspaceAccess }>;
export type DeleteDocument = DomainCommand<'DeleteDocument', { access: WorkspaceAccess }>;
export type RequestReindex = DomainCommand<'RequestReindex', { access: WorkspaceAccess; reason: string }>;

export type DocumentCommand =
  | IngestDocument
  | ReviseDocument
  | RenameDocument
  | RetagDocument
  | SetDocumentMetadata
  | MoveDocument
  | DeleteDocument
  | RequestReindex;
