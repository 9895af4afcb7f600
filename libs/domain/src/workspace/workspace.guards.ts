import type { WorkspaceRole } from '@ragstream/contracts';
import { effectiveWorkspaceRole, isTenantAdmin, memberRole, roleAtLeast, type Authority } from '../access';
import { assertNever, conflict, forbidden, notFound, type CommandMetadata } from '../shared';
import type { WorkspaceCommand } from './workspace.commands';
import type { WorkspaceState } from './workspace.state';

type ChangeCommand = Exclude<WorkspaceCommand, { type: 'CreateWorkspace' }>;

/** Every command but creation: the workspace exists, the actor may do this, and it is not archived. */
export function requireChangeable(state: WorkspaceState, command: ChangeCommand): void {
  if (!state.exists) throw notFound('WORKSPACE.NOT_FOUND', 'no such workspace');
  const { authority } = command.data;
  // Archiving is for workspace owners, or tenant owners/admins (who are only admins in the workspace).
  if (command.type !== 'ArchiveWorkspace' || !isTenantAdmin(authority)) {
    requireRole(state, command.metadata, authority, minimumRole(command));
  }
  if (state.archived) throw conflict('WORKSPACE.ARCHIVED', 'the workspace is archived');
}

function minimumRole(command: ChangeCommand): WorkspaceRole {
  switch (command.type) {
    case 'ArchiveWorkspace':
      return 'owner';
    case 'AddWorkspaceMember':
    case 'ChangeWorkspaceMemberRole':
      return command.data.role === 'owner' ? 'owner' : 'admin';
    case 'RenameWorkspace':
    case 'RemoveWorkspaceMember':
      return 'admin';
    default:
      return assertNever(command);
  }
}

export function requireRole(state: WorkspaceState, metadata: CommandMetadata, authority: Authority, min: WorkspaceRole): void {
  if (!roleAtLeast(effectiveWorkspaceRole(state, metadata.actor, authority), min)) {
    throw forbidden('WORKSPACE.FORBIDDEN', `needs the workspace role ${min} or higher`);
  }
}

/** Any tenant member may create a workspace; an API key needs the write scope. */
export function requireMayCreate(authority: Authority): void {
  // A tenant-wide key with write scope creates workspaces on behalf of the user who made it.
  if (authority.tenantRole === null && !roleAtLeast(authority.grantedWorkspaceRole, 'editor')) {
    throw forbidden('WORKSPACE.FORBIDDEN', 'creating a workspace needs tenant membership or a key with write scope');
  }
}

export function requireMember(state: WorkspaceState, userId: string): WorkspaceRole {
  const role = memberRole(state.members, userId);
  if (!role) throw notFound('WORKSPACE.MEMBER_NOT_FOUND', 'the user is not a member of this workspace');
  return role;
}

/** Demoting or removing an owner takes an owner, and never the last one. */
export function requireMayUnseatOwner(state: WorkspaceState, command: ChangeCommand & { data: { userId: string } }): void {
  requireRole(state, command.metadata, command.data.authority, 'owner');
  const others = Object.entries(state.members).filter(([id, role]) => role === 'owner' && id !== command.data.userId);
  if (others.length === 0) throw conflict('WORKSPACE.LAST_OWNER', 'a workspace keeps at least one owner');
}
