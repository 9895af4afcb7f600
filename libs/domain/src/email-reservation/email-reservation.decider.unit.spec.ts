import { SYSTEM_TENANT, identityEventRegistry, type EmailReservationEvent } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import { NOW, id } from '../testing/identity.fixtures';
import type { EmailReservationCommand } from './email-reservation.commands';
import { emailReservationDecider } from './email-reservation.decider';

const ALICE = id(1);
const BOB = id(2);
const HOME = id(0xa1);
const metadata = { tenantId: SYSTEM_TENANT, actor: { type: 'system' as const, id: 'signup' }, now: NOW };
const reserve = (userId: string): EmailReservationCommand => ({ type: 'ReserveEmail', data: { userId, tenantId: HOME }, metadata });
const release = (userId: string): EmailReservationCommand => ({ type: 'ReleaseEmail', data: { userId }, metadata });
const reserved = (userId: string): EmailReservationEvent => ({ type: 'email.reserved', data: { userId, tenantId: HOME } });
const released = (userId: string): EmailReservationEvent => ({ type: 'email.released', data: { userId } });

describe('email reservation decider', () => {
  const given = spec(emailReservationDecider, { registry: identityEventRegistry() }).given;

  describe('ReserveEmail', () => {
    it('reserves a free address', () => given([]).when(reserve(ALICE)).then([reserved(ALICE)]));
    it('is idempotent for the holder', () => given([reserved(ALICE)]).when(reserve(ALICE)).then([]));
    it('refuses an address held by another user', () =>
      given([reserved(ALICE)]).when(reserve(BOB)).thenThrows('EMAIL.TAKEN', 'conflict'));
    it('reserves again after a release', () => given([reserved(ALICE), released(ALICE)]).when(reserve(BOB)).then([reserved(BOB)]));
  });

  describe('ReleaseEmail', () => {
    it('releases the holder’s address', () =>
      given([reserved(ALICE)])
        .when(release(ALICE))
        .then([released(ALICE)], (state) => expect(state.holder).toBeNull()));
    it('refuses an address nobody holds', () => given([]).when(release(ALICE)).thenThrows('EMAIL.NOT_RESERVED', 'not-found'));
    it('refuses an address already released', () =>
      given([reserved(ALICE), released(ALICE)]).when(release(ALICE)).thenThrows('EMAIL.NOT_RESERVED', 'not-found'));
    it('refuses a user who is not the holder', () =>
      given([reserved(ALICE)]).when(release(BOB)).thenThrows('EMAIL.NOT_HOLDER', 'forbidden'));
  });
});
