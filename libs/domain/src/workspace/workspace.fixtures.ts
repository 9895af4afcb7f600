import type { WorkspaceEvent, WorkspaceRole } from '@ragstream/contracts';
import type { Authority } from '../access';
import type { CommandMetadata } from '../shared';
import {
  apiKeyGranting,
  asApiKey,
  asUser,
  id,
  noTenantRole,
  tenantAdmin,
  tenantMember,
  tenantOwner,
} from '../testing/identity.fixtures';

export const OWNER = id(1);
export const ADMIN = id(2);
export const EDITOR = id(3);
export const READER = id(4);
export const OUTSIDER = id(5);
export const NEWCOMER = id(6);
export const CO_OWNER = id(7);
export const KEY = id(0xcafe);

export const created: WorkspaceEvent = { type: 'workspace.created', data: { name: 'Research', ownerUserId: OWNER } };
export const memberAdded = (userId: string, role: WorkspaceRole): WorkspaceEvent => ({
  type: 'workspace.member_added',
  data: { userId, role },
});
export const archived: WorkspaceEvent = { type: 'workspace.archived', data: {} };
/** A workspace with one member of every role. */
export const team: WorkspaceEvent[] = [created, memberAdded(ADMIN, 'admin'), memberAdded(EDITOR, 'editor'), memberAdded(READER, 'reader')];

/** Who acts, as the auth layer presents them: command metadata plus the authority it vouches for. */
export interface Caller {
  readonly metadata: CommandMetadata;
  readonly authority: Authority;
}

export const callers = {
  owner: { metadata: asUser(OWNER), authority: tenantMember },
  admin: { metadata: asUser(ADMIN), authority: tenantMember },
  editor: { metadata: asUser(EDITOR), authority: tenantMember },
  reader: { metadata: asUser(READER), authority: tenantMember },
  'tenant member outside the workspace': { metadata: asUser(OUTSIDER), authority: tenantMember },
  'tenant admin': { metadata: asUser(OUTSIDER), authority: tenantAdmin },
  'tenant owner': { metadata: asUser(OUTSIDER), authority: tenantOwner },
  'user of no tenant role': { metadata: asUser(OUTSIDER), authority: noTenantRole },
  'API key with admin scope': { metadata: asApiKey(KEY), authority: apiKeyGranting('admin') },
  'API key with write scope': { metadata: asApiKey(KEY), authority: apiKeyGranting('editor') },
  'API key with read scope': { metadata: asApiKey(KEY), authority: apiKeyGranting('reader') },
} satisfies Record<string, Caller>;

export type CallerName = keyof typeof callers;
