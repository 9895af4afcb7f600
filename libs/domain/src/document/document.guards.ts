import { roleAtLeast } from '../access';
import { conflict, forbidden, notFound } from '../shared';
import type { WorkspaceAccess } from './document.commands';
import type { DocumentState } from './document.state';

/** The workspace exists for this actor, is not archived, and the actor may edit documents in it. */
export function requireEditor(access: WorkspaceAccess): void {
  // A workspace the actor cannot even read does not exist for them.
  if (!access.exists || access.role === null) throw notFound('WORKSPACE.NOT_FOUND', 'no such workspace');
  if (!roleAtLeast(access.role, 'editor')) throw forbidden('DOCUMENT.FORBIDDEN', 'needs the workspace role editor or higher');
  if (access.archived) throw conflict('WORKSPACE.ARCHIVED', 'the workspace is archived');
}

/** The document exists, lives in the workspace the access was checked for, and is not deleted. */
export function requireLive(state: DocumentState, access: WorkspaceAccess): void {
  if (!state.exists || state.workspaceId !== access.workspaceId) throw notFound('DOCUMENT.NOT_FOUND', 'no such document');
  requireEditor(access);
  if (state.deleted) throw conflict('DOCUMENT.DELETED', 'the document is deleted');
}
