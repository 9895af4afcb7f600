import type { Sealed } from '@ragstream/contracts';
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

export type UserCommand = RegisterUser | InviteUser | AcceptInvitation | ChangePassword | UpdateProfile;
