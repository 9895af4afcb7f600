import type { WorkspaceRole } from '@ragstream/contracts';
import { apiKeyGranting, id, noTenantRole, tenantAdmin, tenantMember, tenantOwner } from '../testing/identity.fixtures';
import { effectiveWorkspaceRole, roleAtLeast } from './workspace-role.policy';

const ALICE = id(1);
const workspace = { members: { [ALICE]: 'editor' as WorkspaceRole } };
const alice = { type: 'user' as const, id: ALICE };
const stranger = { type: 'user' as const, id: id(2) };
const key = { type: 'apikey' as const, id: ALICE };

describe('roleAtLeast', () => {
  it.each([
    ['owner', 'owner', true],
    ['owner', 'reader', true],
    ['admin', 'owner', false],
    ['admin', 'editor', true],
    ['editor', 'admin', false],
    ['reader', 'reader', true],
    ['reader', 'editor', false],
    [null, 'reader', false],
  ] as const)('%s at least %s: %s', (role, min, expected) => expect(roleAtLeast(role, min)).toBe(expected));
});

describe('effectiveWorkspaceRole', () => {
  it('is the membership role of a user', () => expect(effectiveWorkspaceRole(workspace, alice, tenantMember)).toBe('editor'));
  it('is none for a tenant member outside the workspace', () =>
    expect(effectiveWorkspaceRole(workspace, stranger, tenantMember)).toBeNull());
  it('is none for a user of no tenant role', () => expect(effectiveWorkspaceRole(workspace, stranger, noTenantRole)).toBeNull());
  it.each([tenantOwner, tenantAdmin])('is admin for a tenant $tenantRole', (authority) =>
    expect(effectiveWorkspaceRole(workspace, stranger, authority)).toBe('admin'));
  it('keeps a higher membership over tenant administration', () =>
    expect(effectiveWorkspaceRole({ members: { [ALICE]: 'owner' } }, alice, tenantAdmin)).toBe('owner'));
  it('is what an API key is granted', () => expect(effectiveWorkspaceRole(workspace, key, apiKeyGranting('reader'))).toBe('reader'));
  it('ignores memberships for API keys, even with a matching id', () =>
    expect(effectiveWorkspaceRole(workspace, key, noTenantRole)).toBeNull());
  it('takes the highest of membership and grant', () =>
    expect(effectiveWorkspaceRole(workspace, alice, { tenantRole: 'member', grantedWorkspaceRole: 'admin' })).toBe('admin'));
  it('ignores inherited object keys', () =>
    expect(effectiveWorkspaceRole(workspace, { type: 'user', id: 'constructor' }, tenantMember)).toBeNull());
});
