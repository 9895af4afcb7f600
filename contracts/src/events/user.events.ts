import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import { Sealed, Sha256Hex, Timestamp } from './identity.schemas';

/** Aggregate `user`, under the user's home tenant. `emailHash` is the id of the e-mail reservation. */
export const UserRegistered = defineEvent('user.registered', [
  z.object({ emailHash: Sha256Hex, email: Sealed, name: Sealed, passwordHash: Sealed }),
]);
export const UserInvited = defineEvent('user.invited', [
  z.object({
    emailHash: Sha256Hex,
    email: Sealed,
    name: Sealed,
    inviteTokenHash: Sha256Hex,
    invitedBy: z.uuid(),
    expiresAt: Timestamp,
  }),
]);
export const UserInvitationAccepted = defineEvent('user.invitation_accepted', [z.object({ passwordHash: Sealed })]);
export const UserPasswordChanged = defineEvent('user.password_changed', [z.object({ passwordHash: Sealed })]);
export const UserProfileUpdated = defineEvent('user.profile_updated', [z.object({ name: Sealed })]);

/** Why personal data was erased; a closed list, so the log never holds free text about a person. */
export const ForgetReason = z.enum(['user_request', 'retention_policy', 'legal_order', 'other']);
export type ForgetReason = z.infer<typeof ForgetReason>;
/**
 * The user's key has been destroyed (crypto-shredding): every sealed value of theirs, in every
 * event, is unreadable from now on; the log itself stays as it was.
 */
export const UserForgotten = defineEvent('user.forgotten', [z.object({ reason: ForgetReason })]);

export const userEvents = [UserRegistered, UserInvited, UserInvitationAccepted, UserPasswordChanged, UserProfileUpdated, UserForgotten] as const;
export type UserEvent = EventOf<(typeof userEvents)[number]>;
