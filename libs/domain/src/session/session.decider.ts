import type { SessionEvent } from '@ragstream/contracts';
import { assertNever, conflict, isExpired, requireFutureExpiry, unauthenticated, type Decider } from '../shared';
import type { RefreshSession, SessionCommand } from './session.commands';
import { evolveSession, initialSessionState, type SessionState } from './session.state';

function refresh({ data, metadata }: RefreshSession, state: SessionState): SessionEvent[] {
  if (state.status === 'revoked') throw unauthenticated('SESSION.REVOKED', 'the session has been revoked');
  if (isExpired(state.expiresAt!, metadata.now)) throw unauthenticated('SESSION.EXPIRED', 'the session has expired');
  if (data.presentedTokenId === state.tokenId) {
    requireFutureExpiry(data.expiresAt, metadata.now, 'SESSION.EXPIRY_IN_PAST');
    return [{ type: 'session.refreshed', data: { previousTokenId: state.tokenId, tokenId: data.newTokenId, expiresAt: data.expiresAt } }];
  }
  // Recorded, not thrown: the revocation must be appended before the handler answers 401.
  if (state.previousTokenIds.includes(data.presentedTokenId)) {
    return [
      { type: 'session.reuse_detected', data: { tokenId: data.presentedTokenId } },
      { type: 'session.revoked', data: { reason: 'reuse' } },
    ];
  }
  throw unauthenticated('SESSION.UNKNOWN_TOKEN', 'the refresh token does not belong to this session');
}

function decide(command: SessionCommand, state: SessionState): SessionEvent[] {
  if (command.type === 'StartSession') {
    if (state.status !== 'none') throw conflict('SESSION.EXISTS', 'the session already exists');
    const { userId, tokenId, expiresAt } = command.data;
    requireFutureExpiry(expiresAt, command.metadata.now, 'SESSION.EXPIRY_IN_PAST');
    return [{ type: 'session.started', data: { userId, tokenId, expiresAt } }];
  }
  if (state.status === 'none') throw unauthenticated('SESSION.NOT_FOUND', 'no such session');
  switch (command.type) {
    case 'RefreshSession':
      return refresh(command, state);
    case 'EndSession':
      return state.status === 'revoked' ? [] : [{ type: 'session.revoked', data: { reason: command.data.reason ?? 'logout' } }];
    default:
      return assertNever(command);
  }
}

/** A refresh-token family: each refresh rotates the token, and replaying a rotated one revokes the family. */
export const sessionDecider: Decider<SessionState, SessionCommand, SessionEvent> = {
  aggregateType: 'session',
  initialState: initialSessionState,
  decide,
  evolve: evolveSession,
};
