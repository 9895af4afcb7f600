import type { ForgetReason, Sealed } from '@ragstream/contracts';
import type { Authority, TenantRole } from '../access';
import type { DomainCommand } from '../shared';

/** Sealed fields are ciphertext made outside the domain with the user's key; hashes are hex. */
export type RegisterUser = DomainCommand<'RegisterUser', { emailHash: string; email: Sealed; name: Sealed; passwordHash: Sealed }>;
export type InviteUser = DomainCommand<
  'InviteUser',
  { emailHash: string; email: Sealed; name: Sealed; inviteTokenHash: string; invitedBy: string; expiresAt: string }
>;
export type AcceptInvitation = DomainCommand<'AcceptInvitation', { tokenHash: string; passwordHash: Sealed }>;
/** The handler has verified the current password before sending this. */
export type ChangePassword = DomainCommand<'ChangePassword', { passwordHash: Sealed }>;
export type UpdateProfile = DomainCommand<'UpdateProfile', { name: Sealed }>;

/**
 * Erases a person (their key is destroyed outside the domain). The user aggregate knows no tenant
 * roles, so the handler looks up the target's role and vouches for the caller's authority.
 */
export type ForgetUser = DomainCommand<'ForgetUser', { userId: string; reason: ForgetReason; authority: Authority; targetRole: TenantRole }>;

export type UserCommand = RegisterUser | InviteUser | AcceptInvitation | ChangePassword | UpdateProfile | ForgetUser;
