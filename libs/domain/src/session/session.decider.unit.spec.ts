import { identityEventRegistry, type SessionEvent } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import { AFTER_NOW, BEFORE_NOW, NOW, asSystem, id } from '../testing/identity.fixtures';
import type { SessionCommand } from './session.commands';
import { sessionDecider } from './session.decider';

const USER = id(1);
const [T1, T2, T3, T4] = [id(0x71), id(0x72), id(0x73), id(0x74)];
const LATER = '2030-01-03T12:00:00.000Z';

const started: SessionEvent = { type: 'session.started', data: { userId: USER, tokenId: T1, expiresAt: AFTER_NOW } };
const refreshed = (previousTokenId: string, tokenId: string, expiresAt = LATER): SessionEvent => ({
  type: 'session.refreshed',
  data: { previousTokenId, tokenId, expiresAt },
});
const revoked = (reason: 'logout' | 'reuse' | 'user_forgotten'): SessionEvent => ({ type: 'session.revoked', data: { reason } });

const start = (expiresAt = AFTER_NOW): SessionCommand => ({
  type: 'StartSession',
  data: { userId: USER, tokenId: T1, expiresAt },
  metadata: asSystem(),
});
const refreshWith = (presentedTokenId: string, newTokenId: string, now = NOW, expiresAt = LATER): SessionCommand => ({
  type: 'RefreshSession',
  data: { presentedTokenId, newTokenId, expiresAt },
  metadata: asSystem(now),
});
const end: SessionCommand = { type: 'EndSession', data: {}, metadata: asSystem() };

describe('session decider', () => {
  const given = spec(sessionDecider, { registry: identityEventRegistry() }).given;

  describe('StartSession', () => {
    it('starts a session', () =>
      given([]).when(start()).then([started], (state) => expect(state).toMatchObject({ status: 'active', tokenId: T1 })));
    it('refuses a session that exists', () => given([started]).when(start()).thenThrows('SESSION.EXISTS', 'conflict'));
    it('refuses an expiry in the past', () => given([]).when(start(BEFORE_NOW)).thenThrows('SESSION.EXPIRY_IN_PAST', 'validation'));
  });

  describe('RefreshSession', () => {
    it('rotates the current token', () =>
      given([started]).when(refreshWith(T1, T2)).then([refreshed(T1, T2)], (state) =>
        expect(state).toMatchObject({ tokenId: T2, expiresAt: LATER, previousTokenIds: [T1] }),
      ));
    it('rotates again from the newest token', () =>
      given([started, refreshed(T1, T2)]).when(refreshWith(T2, T3)).then([refreshed(T2, T3)]));
    it('revokes the whole family when a rotated token comes back', () =>
      given([started, refreshed(T1, T2), refreshed(T2, T3)])
        .when(refreshWith(T1, T4))
        .then([{ type: 'session.reuse_detected', data: { tokenId: T1 } }, revoked('reuse')], (state) =>
          expect(state).toMatchObject({ status: 'revoked', revokedReason: 'reuse' }),
        ));
    it('then refuses even the newest token', () =>
      given([started, refreshed(T1, T2), { type: 'session.reuse_detected', data: { tokenId: T1 } }, revoked('reuse')])
        .when(refreshWith(T2, T3))
        .thenThrows('SESSION.REVOKED', 'unauthenticated'));
    it('refuses a session ended by logout', () =>
      given([started, revoked('logout')]).when(refreshWith(T1, T2)).thenThrows('SESSION.REVOKED', 'unauthenticated'));
    it('refuses an expired session', () =>
      given([started]).when(refreshWith(T1, T2, new Date(AFTER_NOW))).thenThrows('SESSION.EXPIRED', 'unauthenticated'));
    it('measures expiry from the latest rotation', () =>
      given([started, refreshed(T1, T2)])
        .when(refreshWith(T2, T3, new Date(AFTER_NOW), '2030-01-04T12:00:00.000Z'))
        .then([refreshed(T2, T3, '2030-01-04T12:00:00.000Z')]));
    it('refuses a token that never belonged to the session', () =>
      given([started]).when(refreshWith(T4, T2)).thenThrows('SESSION.UNKNOWN_TOKEN', 'unauthenticated'));
    it('refuses a session that does not exist', () =>
      given([]).when(refreshWith(T1, T2)).thenThrows('SESSION.NOT_FOUND', 'unauthenticated'));
    it('refuses a new expiry in the past', () =>
      given([started]).when(refreshWith(T1, T2, NOW, BEFORE_NOW)).thenThrows('SESSION.EXPIRY_IN_PAST', 'validation'));
  });

  describe('EndSession', () => {
    it('revokes on logout', () =>
      given([started, refreshed(T1, T2)]).when(end).then([revoked('logout')], (state) => expect(state.status).toBe('revoked')));
    it('changes nothing when already revoked', () => given([started, revoked('reuse')]).when(end).then([]));
    it('revokes with the reason the caller names, when a user is forgotten', () =>
      given([started])
        .when({ ...end, data: { reason: 'user_forgotten' } })
        .then([revoked('user_forgotten')], (state) => expect(state.revokedReason).toBe('user_forgotten')));
    it('refuses a session that does not exist', () => given([]).when(end).thenThrows('SESSION.NOT_FOUND', 'unauthenticated'));
  });
});
