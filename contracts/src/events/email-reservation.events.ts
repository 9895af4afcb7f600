import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';

/** Aggregate `email` (system tenant), id = HMAC hex of the normalised address: one holder per address. */
export const EmailReserved = defineEvent('email.reserved', [z.object({ userId: z.uuid(), tenantId: z.uuid() })]);
export const EmailReleased = defineEvent('email.released', [z.object({ userId: z.uuid() })]);

export const emailReservationEvents = [EmailReserved, EmailReleased] as const;
export type EmailReservationEvent = EventOf<(typeof emailReservationEvents)[number]>;
