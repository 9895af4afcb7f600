import { identityEventRegistry, type UserEvent } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import { AFTER_NOW, BEFORE_NOW, NOW, asSystem, asUser, hex64, id, sealed } from '../testing/identity.fixtures';
import type { UserCommand } from './user.commands';
import { userDecider } from './user.decider';

const USER = id(1);
const INVITER = id(2);
const profile = { emailHash: hex64('e'), email: sealed('ada@example.com'), name: sealed('Ada') };
const TOKEN = hex64('1');

const registered: UserEvent = { type: 'user.registered', data: { ...profile, passwordHash: sealed('argon-1') } };
const invited = (expiresAt = AFTER_NOW, inviteTokenHash = TOKEN): UserEvent => ({
  type: 'user.invited',
  data: { ...profile, inviteTokenHash, invitedBy: INVITER, expiresAt },
});
const accepted: UserEvent = { type: 'user.invitation_accepted', data: { passwordHash: sealed('argon-2') } };

const register: UserCommand = { type: 'RegisterUser', data: { ...profile, passwordHash: sealed('argon-1') }, metadata: asSystem() };
const invite = (expiresAt = AFTER_NOW): UserCommand => ({
  type: 'InviteUser',
  data: { ...profile, inviteTokenHash: TOKEN, invitedBy: INVITER, expiresAt },
  metadata: asUser(INVITER),
});
const accept = (tokenHash = TOKEN, now = NOW): UserCommand => ({
  type: 'AcceptInvitation',
  data: { tokenHash, passwordHash: sealed('argon-2') },
  metadata: asSystem(now),
});
const changePassword: UserCommand = { type: 'ChangePassword', data: { passwordHash: sealed('argon-3') }, metadata: asUser(USER) };
const updateProfile: UserCommand = { type: 'UpdateProfile', data: { name: sealed('Ada L.') }, metadata: asUser(USER) };

describe('user decider', () => {
  const given = spec(userDecider, { registry: identityEventRegistry() }).given;

  describe('RegisterUser', () => {
    it('registers an active user with sealed personal data', () =>
      given([]).when(register).then([registered], (state) => {
        expect(state.status).toBe('active');
        expect(state.passwordHash).toBe(sealed('argon-1'));
      }));
    it('refuses a user who already exists', () => given([registered]).when(register).thenThrows('USER.EXISTS', 'conflict'));
    it('refuses an invited user registering over the invitation', () =>
      given([invited()]).when(register).thenThrows('USER.EXISTS', 'conflict'));
    it('keeps only the contract fields of the command', () =>
      given([])
        .when({ ...register, data: { ...register.data, password: 'clear text' } as never })
        .then([registered]));
  });

  describe('InviteUser', () => {
    it('invites a new user', () =>
      given([]).when(invite()).then([invited()], (state) => {
        expect(state.status).toBe('invited');
        expect(state.invitation).toEqual({ tokenHash: TOKEN, expiresAt: AFTER_NOW, invitedBy: INVITER });
      }));
    it('invites again while the invitation is open, replacing it', () =>
      given([invited('2030-01-01T12:30:00.000Z')]).when(invite()).then([invited()]));
    it('refuses an active user', () => given([registered]).when(invite()).thenThrows('USER.EXISTS', 'conflict'));
    it('refuses an expiry that is not in the future', () =>
      given([]).when(invite(BEFORE_NOW)).thenThrows('INVITATION.EXPIRY_IN_PAST', 'validation'));
  });

  describe('AcceptInvitation', () => {
    it('activates the invited user with the new password', () =>
      given([invited()]).when(accept()).then([accepted], (state) => {
        expect(state.status).toBe('active');
        expect(state.invitation).toBeNull();
      }));
    it('refuses when nobody was invited', () => given([]).when(accept()).thenThrows('USER.NOT_INVITED', 'conflict'));
    it('refuses a second acceptance', () => given([invited(), accepted]).when(accept()).thenThrows('USER.NOT_INVITED', 'conflict'));
    it('refuses a registered user', () => given([registered]).when(accept()).thenThrows('USER.NOT_INVITED', 'conflict'));
    it('refuses a wrong token', () => given([invited()]).when(accept(hex64('2'))).thenThrows('INVITATION.INVALID', 'forbidden'));
    it('refuses a token replaced by a newer invitation', () =>
      given([invited(), invited(AFTER_NOW, hex64('3'))])
        .when(accept())
        .thenThrows('INVITATION.INVALID', 'forbidden'));
    it('refuses an expired invitation', () =>
      given([invited()]).when(accept(TOKEN, new Date(AFTER_NOW))).thenThrows('INVITATION.EXPIRED', 'conflict'));
    it('checks the token before revealing the expiry', () =>
      given([invited()]).when(accept(hex64('2'), new Date(AFTER_NOW))).thenThrows('INVITATION.INVALID', 'forbidden'));
  });

  describe('ChangePassword', () => {
    const changed: UserEvent = { type: 'user.password_changed', data: { passwordHash: sealed('argon-3') } };
    it('changes the password of an active user', () =>
      given([registered]).when(changePassword).then([changed], (state) => expect(state.passwordHash).toBe(sealed('argon-3'))));
    it('works for a user who joined by invitation', () => given([invited(), accepted]).when(changePassword).then([changed]));
    it('refuses an invited user', () => given([invited()]).when(changePassword).thenThrows('USER.NOT_ACTIVE', 'conflict'));
    it('refuses a user who does not exist', () => given([]).when(changePassword).thenThrows('USER.NOT_FOUND', 'not-found'));
  });

  describe('UpdateProfile', () => {
    const updated: UserEvent = { type: 'user.profile_updated', data: { name: sealed('Ada L.') } };
    it('updates the sealed name', () =>
      given([registered]).when(updateProfile).then([updated], (state) => expect(state.name).toBe(sealed('Ada L.'))));
    it('refuses an invited user', () => given([invited()]).when(updateProfile).thenThrows('USER.NOT_ACTIVE', 'conflict'));
    it('refuses a user who does not exist', () => given([]).when(updateProfile).thenThrows('USER.NOT_FOUND', 'not-found'));
  });
});
