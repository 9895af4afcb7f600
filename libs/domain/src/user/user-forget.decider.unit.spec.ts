import { identityEventRegistry, type UserEvent } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import type { Authority, TenantRole } from '../access';
import { AFTER_NOW, asSystem, asUser, hex64, id, sealed, tenantAdmin, tenantMember, tenantOwner } from '../testing/identity.fixtures';
import type { UserCommand } from './user.commands';
import { userDecider } from './user.decider';

const USER = id(1);
const ADMIN = id(2);
const profile = { emailHash: hex64('e'), email: sealed('ada@example.com'), name: sealed('Ada') };
const registered: UserEvent = { type: 'user.registered', data: { ...profile, passwordHash: sealed('argon-1') } };
const invited: UserEvent = { type: 'user.invited', data: { ...profile, inviteTokenHash: hex64('1'), invitedBy: ADMIN, expiresAt: AFTER_NOW } };
const forgotten: UserEvent = { type: 'user.forgotten', data: { reason: 'user_request' } };

const forget = (authority: Authority, targetRole: TenantRole = 'member', by = asUser(ADMIN)): UserCommand => ({
  type: 'ForgetUser',
  data: { userId: USER, reason: 'user_request', authority, targetRole },
  metadata: by,
});

describe('user decider: ForgetUser', () => {
  const given = spec(userDecider, { registry: identityEventRegistry() }).given;

  it('forgets a member when a tenant admin asks, leaving no sealed value in the state', () =>
    given([registered]).when(forget(tenantAdmin)).then([forgotten], (state) => {
      expect(state).toMatchObject({ status: 'forgotten', email: null, name: null, passwordHash: null, emailHash: hex64('e') });
    }));
  it('forgets an invited user and drops the open invitation', () =>
    given([invited]).when(forget(tenantOwner)).then([forgotten], (state) => expect(state.invitation).toBeNull()));
  it('lets an operator forget anyone, owners included', () =>
    given([registered]).when(forget({ tenantRole: null }, 'owner', asSystem())).then([forgotten]));
  it('needs an owner to forget an admin or an owner', () => {
    given([registered]).when(forget(tenantAdmin, 'admin')).thenThrows('USER.FORGET_FORBIDDEN', 'forbidden');
    given([registered]).when(forget(tenantOwner, 'admin')).then([forgotten]);
  });
  it('refuses a plain member', () => given([registered]).when(forget(tenantMember)).thenThrows('USER.FORGET_FORBIDDEN', 'forbidden'));
  it('refuses users forgetting themselves', () =>
    given([registered]).when(forget(tenantOwner, 'owner', asUser(USER))).thenThrows('USER.CANNOT_FORGET_SELF', 'forbidden'));
  it('changes nothing the second time', () => given([registered, forgotten]).when(forget(tenantAdmin)).then([]));
  it('still checks authority on a forgotten user', () =>
    given([registered, forgotten]).when(forget(tenantMember)).thenThrows('USER.FORGET_FORBIDDEN', 'forbidden'));
  it('refuses a user who does not exist', () => given([]).when(forget(tenantAdmin)).thenThrows('USER.NOT_FOUND', 'not-found'));

  describe('after forgetting', () => {
    const changePassword: UserCommand = { type: 'ChangePassword', data: { passwordHash: sealed('argon-3') }, metadata: asUser(USER) };
    const updateProfile: UserCommand = { type: 'UpdateProfile', data: { name: sealed('x') }, metadata: asUser(USER) };
    const reinvite: UserCommand = { type: 'InviteUser', data: { ...profile, inviteTokenHash: hex64('2'), invitedBy: ADMIN, expiresAt: AFTER_NOW }, metadata: asUser(ADMIN) };
    it.each([
      ['ChangePassword', changePassword],
      ['UpdateProfile', updateProfile],
      ['InviteUser', reinvite],
    ])('refuses %s', (_name, command) => given([registered, forgotten]).when(command).thenThrows('USER.FORGOTTEN', 'conflict'));
    it('refuses registering over the forgotten user', () =>
      given([registered, forgotten]).when({ type: 'RegisterUser', data: { ...profile, passwordHash: sealed('p') }, metadata: asSystem() }).thenThrows('USER.EXISTS', 'conflict'));
  });
});
