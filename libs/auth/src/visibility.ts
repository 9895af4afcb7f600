import { authorityOf, type Principal, type WorkspaceRoleName } from './principal';

/**
 * SQL that limits workspace rows (alias `w`) to what the caller may see: all of the tenant for tenant
 * owners/admins and tenant-wide keys, the bound workspace for a bound key, memberships otherwise.
 * Parameter $1 is always the tenant; the returned params continue from $2.
 */
export function visibleWorkspaces(principal: Principal): { where: string; params: unknown[] } {
  if (principal.kind === 'apikey') {
    return principal.workspaceId
      ? { where: `w.tenant_id = $1 AND w.workspace_id = $2`, params: [principal.tenantId, principal.workspaceId] }
      : { where: `w.tenant_id = $1`, params: [principal.tenantId] };
  }
  if (principal.tenantRole === 'owner' || principal.tenantRole === 'admin') return { where: `w.tenant_id = $1`, params: [principal.tenantId] };
  return {
    where: `w.tenant_id = $1 AND EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = w.workspace_id AND m.user_id = $2)`,
    params: [principal.tenantId, principal.userId],
  };
}

/** The caller's role in a workspace as the query side reports it: a key's is the one its scopes grant. */
export function reportedRole(principal: Principal, workspaceId: string, memberRole: WorkspaceRoleName | null): WorkspaceRoleName | null {
  if (principal.kind === 'apikey') return authorityOf(principal, workspaceId).grantedWorkspaceRole ?? null;
  if (memberRole) return memberRole;
  return principal.tenantRole === 'owner' || principal.tenantRole === 'admin' ? 'admin' : null;
}
