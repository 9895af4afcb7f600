import type { EmailReservationEvent } from '@ragstream/contracts';
import { assertNever, conflict, forbidden, notFound, type Decider } from '../shared';
import type { EmailReservationCommand } from './email-reservation.commands';

export interface EmailReservationState {
  readonly holder: { readonly userId: string; readonly tenantId: string } | null;
}

function decide(command: EmailReservationCommand, state: EmailReservationState): EmailReservationEvent[] {
  switch (command.type) {
    case 'ReserveEmail': {
      const { userId, tenantId } = command.data;
      if (state.holder?.userId === userId) return [];
      if (state.holder) throw conflict('EMAIL.TAKEN', 'this e-mail address is already in use');
      return [{ type: 'email.reserved', data: { userId, tenantId } }];
    }
    case 'ReleaseEmail':
      if (!state.holder) throw notFound('EMAIL.NOT_RESERVED', 'this e-mail address is not reserved');
      if (state.holder.userId !== command.data.userId) throw forbidden('EMAIL.NOT_HOLDER', 'the address is held by another user');
      return [{ type: 'email.released', data: { userId: command.data.userId } }];
    default:
      return assertNever(command);
  }
}

function evolve(state: EmailReservationState, event: EmailReservationEvent): EmailReservationState {
  switch (event.type) {
    case 'email.reserved':
      return { holder: { userId: event.data.userId, tenantId: event.data.tenantId } };
    case 'email.released':
      return { holder: null };
    default:
      return assertNever(event);
  }
}

/** One holder per e-mail address across the platform; lives under the system tenant. */
export const emailReservationDecider: Decider<EmailReservationState, EmailReservationCommand, EmailReservationEvent> = {
  aggregateType: 'email',
  initialState: () => ({ holder: null }),
  decide,
  evolve,
};
