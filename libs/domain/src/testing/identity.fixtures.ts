import type { Authority, WorkspaceRole } from '../access';
import type { CommandMetadata } from '../shared';

/** A valid v4-shaped uuid per small number, so fixtures read as `id(1)` and still pass the contracts. */
export const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const TENANT_ID = id(0xa000);
export const NOW = new Date('2030-01-01T12:00:00.000Z');
export const BEFORE_NOW = '2030-01-01T11:59:59.000Z';
export const AFTER_NOW = '2030-01-02T12:00:00.000Z';

export const sealed = (plain: string) => `pii:v1:${Buffer.from(plain).toString('base64url')}`;
export const hex64 = (digit: string) => digit.repeat(64);

const metadata = (type: CommandMetadata['actor']['type'], actorId: string, now: Date): CommandMetadata => ({
  tenantId: TENANT_ID,
  actor: { type, id: actorId },
  now,
});
export const asUser = (userId: string, now: Date = NOW) => metadata('user', userId, now);
export const asApiKey = (keyId: string, now: Date = NOW) => metadata('apikey', keyId, now);
export const asSystem = (now: Date = NOW) => metadata('system', 'system', now);

export const tenantOwner: Authority = { tenantRole: 'owner' };
export const tenantAdmin: Authority = { tenantRole: 'admin' };
export const tenantMember: Authority = { tenantRole: 'member' };
export const noTenantRole: Authority = { tenantRole: null };
/** What the auth layer vouches for an API key whose scopes grant `role`. */
export const apiKeyGranting = (role: WorkspaceRole): Authority => ({ tenantRole: null, grantedWorkspaceRole: role });
