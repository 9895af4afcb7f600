import type { Actor, Scope } from '@ragstream/contracts';

export type TenantRoleName = 'owner' | 'admin' | 'member';
export type WorkspaceRoleName = 'owner' | 'admin' | 'editor' | 'reader';

/** Who is calling: a signed-in user or an API key, always inside exactly one tenant. */
export type Principal =
  | {
      readonly kind: 'user';
      readonly tenantId: string;
      readonly userId: string;
      readonly sessionId: string;
      readonly tenantRole: TenantRoleName | null;
    }
  | {
      readonly kind: 'apikey';
      readonly tenantId: string;
      readonly keyId: string;
      readonly scopes: readonly Scope[];
      /** A workspace-bound key acts in that workspace only. */
      readonly workspaceId: string | null;
      readonly createdBy: string;
    };

const rank: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

/** Scopes nest: admin includes write, write includes read. Users hold every scope; roles decide. */
export function hasScope(principal: Principal, required: Scope): boolean {
  if (principal.kind === 'user') return true;
  return principal.scopes.some((s) => rank[s] >= rank[required]);
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user' ? { type: 'user', id: principal.userId } : { type: 'apikey', id: principal.keyId };
}

/** The user on whose behalf the call acts (an API key acts for the user who created it). */
export function onBehalfOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.userId : principal.createdBy;
}

const scopeRole: Record<Scope, WorkspaceRoleName> = { read: 'reader', write: 'editor', admin: 'admin' };

/**
 * The authority a command carries into a decider: the tenant role of a user, or for an API key the
 * workspace role its highest scope grants (only inside its own workspace when it is bound to one).
 */
export function authorityOf(
  principal: Principal,
  workspaceId?: string,
): { tenantRole: TenantRoleName | null; grantedWorkspaceRole?: WorkspaceRoleName } {
  if (principal.kind === 'user') return { tenantRole: principal.tenantRole };
  if (principal.workspaceId && workspaceId && principal.workspaceId !== workspaceId) return { tenantRole: null };
  const highest = [...principal.scopes].sort((a, b) => rank[b] - rank[a])[0];
  const tenantWideAdmin = principal.workspaceId === null && highest === 'admin';
  return { tenantRole: tenantWideAdmin ? 'admin' : null, grantedWorkspaceRole: scopeRole[highest] };
}
