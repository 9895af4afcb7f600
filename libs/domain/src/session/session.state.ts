import type { SessionEvent } from '@ragstream/contracts';
import { assertNever } from '../shared';

export interface SessionState {
  readonly status: 'none' | 'active' | 'revoked';
  readonly userId: string | null;
  /** The one refresh token that may be presented next. */
  readonly tokenId: string | null;
  readonly expiresAt: string | null;
  /** Tokens already rotated out: presenting one again means the family leaked. */
  readonly previousTokenIds: readonly string[];
  readonly revokedReason: Extract<SessionEvent, { type: 'session.revoked' }>['data']['reason'] | null;
}

export const initialSessionState = (): SessionState => ({
  status: 'none',
  userId: null,
  tokenId: null,
  expiresAt: null,
  previousTokenIds: [],
  revokedReason: null,
});

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'session.started':
      return { ...state, status: 'active', ...event.data };
    case 'session.refreshed': {
      const { previousTokenId, tokenId, expiresAt } = event.data;
      return { ...state, tokenId, expiresAt, previousTokenIds: [...state.previousTokenIds, previousTokenId] };
    }
    case 'session.reuse_detected':
      return state;
    case 'session.revoked':
      return { ...state, status: 'revoked', revokedReason: event.data.reason };
    default:
      return assertNever(event);
  }
}
