import type { WorkspaceEvent } from '@ragstream/contracts';
import { memberRole } from '../access';
import { assertNever, conflict, type Decider } from '../shared';
import type { WorkspaceCommand } from './workspace.commands';
import * as guard from './workspace.guards';
import { evolveWorkspace, initialWorkspaceState, type WorkspaceState } from './workspace.state';

function decide(command: WorkspaceCommand, state: WorkspaceState): WorkspaceEvent[] {
  if (command.type === 'CreateWorkspace') {
    const { name, ownerUserId, authority } = command.data;
    guard.requireMayCreate(authority);
    if (state.exists) throw conflict('WORKSPACE.EXISTS', 'the workspace already exists');
    return [{ type: 'workspace.created', data: { name, ownerUserId } }];
  }
  guard.requireChangeable(state, command);
  switch (command.type) {
    case 'RenameWorkspace':
      return command.data.name === state.name ? [] : [{ type: 'workspace.renamed', data: { name: command.data.name } }];
    case 'ArchiveWorkspace':
      return [{ type: 'workspace.archived', data: {} }];
    case 'AddWorkspaceMember': {
      const { userId, role } = command.data;
      if (memberRole(state.members, userId)) throw conflict('WORKSPACE.MEMBER_EXISTS', 'the user is already a member');
      return [{ type: 'workspace.member_added', data: { userId, role } }];
    }
    case 'ChangeWorkspaceMemberRole': {
      const { userId, role } = command.data;
      const previousRole = guard.requireMember(state, userId);
      if (previousRole === role) return [];
      if (previousRole === 'owner') guard.requireMayUnseatOwner(state, command);
      return [{ type: 'workspace.member_role_changed', data: { userId, role, previousRole } }];
    }
    case 'RemoveWorkspaceMember': {
      const { userId } = command.data;
      if (guard.requireMember(state, userId) === 'owner') guard.requireMayUnseatOwner(state, command);
      return [{ type: 'workspace.member_removed', data: { userId } }];
    }
    default:
      return assertNever(command);
  }
}

/** A workspace of a tenant: its name, its lifecycle and who may do what in it. */
export const workspaceDecider: Decider<WorkspaceState, WorkspaceCommand, WorkspaceEvent> = {
  aggregateType: 'workspace',
  initialState: initialWorkspaceState,
  decide,
  evolve: evolveWorkspace,
};
