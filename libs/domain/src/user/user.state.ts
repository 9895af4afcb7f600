import type { Sealed, UserEvent } from '@ragstream/contracts';
import { assertNever } from '../shared';

export interface UserState {
  readonly status: 'none' | 'invited' | 'active' | 'forgotten';
  readonly emailHash: string | null;
  readonly email: Sealed | null;
  readonly name: Sealed | null;
  /** Sealed, so the login handler can unseal and verify it. */
  readonly passwordHash: Sealed | null;
  readonly invitation: { readonly tokenHash: string; readonly expiresAt: string; readonly invitedBy: string } | null;
}

export const initialUserState = (): UserState => ({
  status: 'none',
  emailHash: null,
  email: null,
  name: null,
  passwordHash: null,
  invitation: null,
});

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'user.registered': {
      const { emailHash, email, name, passwordHash } = event.data;
      return { ...state, status: 'active', emailHash, email, name, passwordHash };
    }
    case 'user.invited': {
      const { emailHash, email, name, inviteTokenHash, expiresAt, invitedBy } = event.data;
      return { ...state, status: 'invited', emailHash, email, name, invitation: { tokenHash: inviteTokenHash, expiresAt, invitedBy } };
    }
    case 'user.invitation_accepted':
      return { ...state, status: 'active', passwordHash: event.data.passwordHash, invitation: null };
    case 'user.password_changed':
      return { ...state, passwordHash: event.data.passwordHash };
    case 'user.profile_updated':
      return { ...state, name: event.data.name };
    case 'user.forgotten':
      // The sealed values are unreadable now; the state keeps only what is not personal data by itself.
      return { ...state, status: 'forgotten', email: null, name: null, passwordHash: null, invitation: null };
    default:
      return assertNever(event);
  }
}
