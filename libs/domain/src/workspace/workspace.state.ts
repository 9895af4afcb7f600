import type { WorkspaceEvent, WorkspaceRole } from '@ragstream/contracts';
import { assertNever } from '../shared';

/** Tenancy is not kept here: it is in the aggregate's subject. */
export interface WorkspaceState {
  readonly exists: boolean;
  readonly name: string;
  readonly archived: boolean;
  readonly members: Readonly<Record<string, WorkspaceRole>>;
}

export const initialWorkspaceState = (): WorkspaceState => ({ exists: false, name: '', archived: false, members: {} });

export function evolveWorkspace(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  switch (event.type) {
    case 'workspace.created':
      return { exists: true, name: event.data.name, archived: false, members: { [event.data.ownerUserId]: 'owner' } };
    case 'workspace.renamed':
      return { ...state, name: event.data.name };
    case 'workspace.archived':
      return { ...state, archived: true };
    case 'workspace.member_added':
    case 'workspace.member_role_changed':
      return { ...state, members: { ...state.members, [event.data.userId]: event.data.role } };
    case 'workspace.member_removed': {
      const { [event.data.userId]: _removed, ...members } = state.members;
      return { ...state, members };
    }
    default:
      return assertNever(event);
  }
}
