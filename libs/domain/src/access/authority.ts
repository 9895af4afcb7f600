import type { TenantRole, WorkspaceRole } from '@ragstream/contracts';

export type { TenantRole, WorkspaceRole };

/**
 * What the auth layer vouches for about the actor, carried in a command's data: a user's tenant
 * role, or the workspace role an API key's scopes grant.
 */
export interface Authority {
  readonly tenantRole: TenantRole | null;
  readonly grantedWorkspaceRole?: WorkspaceRole;
}
