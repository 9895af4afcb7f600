import type { UserEvent } from '@ragstream/contracts';
import { isTenantAdmin } from '../access';
import { assertNever, conflict, forbidden, isExpired, notFound, pick, requireFutureExpiry, type Decider } from '../shared';
import type { ForgetUser, UserCommand } from './user.commands';
import { evolveUser, initialUserState, type UserState } from './user.state';

function requireActive(state: UserState): void {
  if (state.status === 'none') throw notFound('USER.NOT_FOUND', 'no such user');
  if (state.status === 'forgotten') throw conflict('USER.FORGOTTEN', 'the user has been forgotten');
  if (state.status !== 'active') throw conflict('USER.NOT_ACTIVE', 'the user has not accepted the invitation yet');
}

/**
 * Operators (system) may forget anyone. Nobody forgets themselves here: erasure locks the account
 * at once, so another administrator carries it out. Members need a tenant owner or admin; admins
 * and owners need an owner, as for removing them from the tenant.
 */
function requireMayForget({ data, metadata }: ForgetUser): void {
  if (metadata.actor.type === 'system') return;
  if (metadata.actor.type === 'user' && metadata.actor.id === data.userId) {
    throw forbidden('USER.CANNOT_FORGET_SELF', 'ask another administrator of the tenant to forget you');
  }
  const allowed = data.targetRole === 'member' ? isTenantAdmin(data.authority) : data.authority.tenantRole === 'owner';
  if (!allowed) throw forbidden('USER.FORGET_FORBIDDEN', `forgetting a tenant ${data.targetRole} needs a higher tenant role`);
}

function decide(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser':
      if (state.status !== 'none') throw conflict('USER.EXISTS', 'the user already exists');
      return [{ type: 'user.registered', data: pick(command.data, ['emailHash', 'email', 'name', 'passwordHash']) }];
    case 'InviteUser':
      // Inviting again while the invitation is open replaces its token, e.g. after it expired.
      if (state.status === 'active') throw conflict('USER.EXISTS', 'the user already exists');
      if (state.status === 'forgotten') throw conflict('USER.FORGOTTEN', 'the user has been forgotten');
      requireFutureExpiry(command.data.expiresAt, command.metadata.now, 'INVITATION.EXPIRY_IN_PAST');
      return [
        { type: 'user.invited', data: pick(command.data, ['emailHash', 'email', 'name', 'inviteTokenHash', 'invitedBy', 'expiresAt']) },
      ];
    case 'AcceptInvitation':
      if (state.status !== 'invited' || !state.invitation) throw conflict('USER.NOT_INVITED', 'there is no open invitation');
      if (command.data.tokenHash !== state.invitation.tokenHash) throw forbidden('INVITATION.INVALID', 'invalid invitation token');
      if (isExpired(state.invitation.expiresAt, command.metadata.now)) throw conflict('INVITATION.EXPIRED', 'the invitation has expired');
      return [{ type: 'user.invitation_accepted', data: { passwordHash: command.data.passwordHash } }];
    case 'ChangePassword':
      requireActive(state);
      return [{ type: 'user.password_changed', data: { passwordHash: command.data.passwordHash } }];
    case 'UpdateProfile':
      requireActive(state);
      return [{ type: 'user.profile_updated', data: { name: command.data.name } }];
    case 'ForgetUser':
      if (state.status === 'none') throw notFound('USER.NOT_FOUND', 'no such user');
      requireMayForget(command);
      return state.status === 'forgotten' ? [] : [{ type: 'user.forgotten', data: { reason: command.data.reason } }];
    default:
      return assertNever(command);
  }
}

/** A person's account under their home tenant; personal fields stay sealed. */
export const userDecider: Decider<UserState, UserCommand, UserEvent> = {
  aggregateType: 'user',
  initialState: initialUserState,
  decide,
  evolve: evolveUser,
};
