import { identityEventRegistry, type TenantEvent } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import type { Authority } from '../access';
import { asSystem, asUser, id, noTenantRole, tenantAdmin, tenantMember, tenantOwner } from '../testing/identity.fixtures';
import type { TenantCommand } from './tenant.commands';
import { tenantDecider } from './tenant.decider';

const OWNER = id(1);
const ADMIN = id(2);
const MEMBER = id(3);
const NEWCOMER = id(4);

const created: TenantEvent = { type: 'tenant.created', data: { name: 'Acme', ownerUserId: OWNER } };
const added = (userId: string, role: 'admin' | 'member'): TenantEvent => ({ type: 'tenant.member_added', data: { userId, role } });
const removed = (userId: string): TenantEvent => ({ type: 'tenant.member_removed', data: { userId } });
const team = [created, added(ADMIN, 'admin'), added(MEMBER, 'member')];

const create: TenantCommand = { type: 'CreateTenant', data: { name: 'Acme', ownerUserId: OWNER }, metadata: asSystem() };
const rename = (authority: Authority, name = 'Acme Ltd'): TenantCommand => ({
  type: 'RenameTenant',
  data: { name, authority },
  metadata: asUser(OWNER),
});
const add = (userId: string, role: 'admin' | 'member', authority: Authority): TenantCommand => ({
  type: 'AddTenantMember',
  data: { userId, role, authority },
  metadata: asUser(OWNER),
});
const remove = (userId: string, authority: Authority): TenantCommand => ({
  type: 'RemoveTenantMember',
  data: { userId, authority },
  metadata: asUser(OWNER),
});

describe('tenant decider', () => {
  const given = spec(tenantDecider, { registry: identityEventRegistry() }).given;

  describe('CreateTenant', () => {
    it('creates the tenant with its creator as owner', () =>
      given([]).when(create).then([created], (state) => expect(state.members).toEqual({ [OWNER]: 'owner' })));
    it('refuses a tenant that exists', () => given([created]).when(create).thenThrows('TENANT.EXISTS', 'conflict'));
  });

  describe('RenameTenant', () => {
    const renamed: TenantEvent = { type: 'tenant.renamed', data: { name: 'Acme Ltd' } };
    it.each([tenantOwner, tenantAdmin])('lets a tenant $tenantRole rename', (authority) =>
      given(team).when(rename(authority)).then([renamed]));
    it.each([tenantMember, noTenantRole])('refuses tenant role $tenantRole', (authority) =>
      given(team).when(rename(authority)).thenThrows('TENANT.FORBIDDEN', 'forbidden'));
    it('changes nothing when the name is the same', () => given(team).when(rename(tenantOwner, 'Acme')).then([]));
    it('refuses a tenant that does not exist', () => given([]).when(rename(tenantOwner)).thenThrows('TENANT.NOT_FOUND', 'not-found'));
  });

  describe('AddTenantMember', () => {
    it('lets an owner add an admin', () =>
      given(team).when(add(NEWCOMER, 'admin', tenantOwner)).then([added(NEWCOMER, 'admin')], (state) =>
        expect(state.members[NEWCOMER]).toBe('admin'),
      ));
    it.each([tenantOwner, tenantAdmin])('lets a tenant $tenantRole add a member', (authority) =>
      given(team).when(add(NEWCOMER, 'member', authority)).then([added(NEWCOMER, 'member')]));
    it('refuses an admin adding an admin', () =>
      given(team).when(add(NEWCOMER, 'admin', tenantAdmin)).thenThrows('TENANT.FORBIDDEN', 'forbidden'));
    it.each([tenantMember, noTenantRole])('refuses tenant role $tenantRole adding a member', (authority) =>
      given(team).when(add(NEWCOMER, 'member', authority)).thenThrows('TENANT.FORBIDDEN', 'forbidden'));
    it('refuses a user who is already a member', () =>
      given(team).when(add(MEMBER, 'member', tenantOwner)).thenThrows('TENANT.MEMBER_EXISTS', 'conflict'));
    it('refuses the owner as a new member', () =>
      given(team).when(add(OWNER, 'admin', tenantOwner)).thenThrows('TENANT.MEMBER_EXISTS', 'conflict'));
    it('refuses a tenant that does not exist', () =>
      given([]).when(add(NEWCOMER, 'member', tenantOwner)).thenThrows('TENANT.NOT_FOUND', 'not-found'));
  });

  describe('RemoveTenantMember', () => {
    it.each([tenantOwner, tenantAdmin])('lets a tenant $tenantRole remove a member', (authority) =>
      given(team).when(remove(MEMBER, authority)).then([removed(MEMBER)], (state) => expect(state.members[MEMBER]).toBeUndefined()));
    it('lets an owner remove an admin', () => given(team).when(remove(ADMIN, tenantOwner)).then([removed(ADMIN)]));
    it('refuses an admin removing an admin', () =>
      given(team).when(remove(ADMIN, tenantAdmin)).thenThrows('TENANT.FORBIDDEN', 'forbidden'));
    it('refuses a plain member removing anyone', () =>
      given(team).when(remove(MEMBER, tenantMember)).thenThrows('TENANT.FORBIDDEN', 'forbidden'));
    it('refuses removing the last owner', () => given(team).when(remove(OWNER, tenantOwner)).thenThrows('TENANT.LAST_OWNER', 'conflict'));
    it('refuses an admin removing the owner', () =>
      given(team).when(remove(OWNER, tenantAdmin)).thenThrows('TENANT.FORBIDDEN', 'forbidden'));
    it('refuses a user who is not a member', () =>
      given(team).when(remove(NEWCOMER, tenantOwner)).thenThrows('TENANT.MEMBER_NOT_FOUND', 'not-found'));
    it('refuses a member already removed', () =>
      given([...team, removed(MEMBER)]).when(remove(MEMBER, tenantOwner)).thenThrows('TENANT.MEMBER_NOT_FOUND', 'not-found'));
    it('does not mistake object keys for members', () =>
      given(team).when(remove('constructor', tenantOwner)).thenThrows('TENANT.MEMBER_NOT_FOUND', 'not-found'));
  });
});
