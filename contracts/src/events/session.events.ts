import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import { Timestamp } from './identity.schemas';

/** Aggregate `session`: one refresh-token family; every refresh rotates the token. */
export const SessionStarted = defineEvent('session.started', [
  z.object({ userId: z.uuid(), tokenId: z.uuid(), expiresAt: Timestamp }),
]);
export const SessionRefreshed = defineEvent('session.refreshed', [
  z.object({ previousTokenId: z.uuid(), tokenId: z.uuid(), expiresAt: Timestamp }),
]);
/** A rotated-out token was presented again: someone else holds a copy of it. */
export const SessionReuseDetected = defineEvent('session.reuse_detected', [z.object({ tokenId: z.uuid() })]);
/** v2 adds the reason `user_forgotten`; every v1 value is a valid v2 value. */
export const SessionRevoked = defineEvent(
  'session.revoked',
  [z.object({ reason: z.enum(['logout', 'reuse']) }), z.object({ reason: z.enum(['logout', 'reuse', 'user_forgotten']) })],
  [(v1: { reason: 'logout' | 'reuse' }) => ({ reason: v1.reason })],
);

export const sessionEvents = [SessionStarted, SessionRefreshed, SessionReuseDetected, SessionRevoked] as const;
export type SessionEvent = EventOf<(typeof sessionEvents)[number]>;
