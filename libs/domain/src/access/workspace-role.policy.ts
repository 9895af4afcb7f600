import type { WorkspaceRole } from '@ragstream/contracts';
import type { CommandMetadata } from '../shared';
import type { Authority } from './authority';

const RANK: Record<WorkspaceRole, number> = { owner: 4, admin: 3, editor: 2, reader: 1 };

/** True when `role` is `min` or higher (owner > admin > editor > reader); no role is never enough. */
export function roleAtLeast(role: WorkspaceRole | null | undefined, min: WorkspaceRole): boolean {
  return role != null && RANK[role] >= RANK[min];
}

/** True for tenant owners and admins, who administer every workspace of their tenant. */
export function isTenantAdmin(authority: Authority): boolean {
  return authority.tenantRole === 'owner' || authority.tenantRole === 'admin';
}

/** The role a member map gives a user; own keys only, so ids such as `constructor` find nothing. */
export function memberRole<R>(members: Readonly<Record<string, R>>, userId: string): R | undefined {
  return Object.hasOwn(members, userId) ? members[userId] : undefined;
}

/**
 * The role the actor holds in a workspace: the highest of 'admin' for tenant owners/admins, the
 * user's own membership, and the role granted to an API key. Null when it holds none.
 */
export function effectiveWorkspaceRole(
  state: { readonly members: Readonly<Record<string, WorkspaceRole>> },
  actor: CommandMetadata['actor'],
  authority: Authority,
): WorkspaceRole | null {
  const candidates: (WorkspaceRole | undefined)[] = [
    isTenantAdmin(authority) ? 'admin' : undefined,
    actor.type === 'user' ? memberRole(state.members, actor.id) : undefined,
    authority.grantedWorkspaceRole,
  ];
  return candidates.reduce<WorkspaceRole | null>((best, role) => (role && !roleAtLeast(best, role) ? role : best), null);
}
