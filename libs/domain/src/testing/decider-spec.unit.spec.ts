import { identityEventRegistry, type EmailReservationEvent } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import { emailReservationDecider } from '../email-reservation';
import type { EmailReservationCommand } from '../email-reservation';
import { asSystem, id } from './identity.fixtures';

/** The helper itself must fail loudly, or every decider spec could pass vacuously. */
const reserve: EmailReservationCommand = { type: 'ReserveEmail', data: { userId: id(1), tenantId: id(2) }, metadata: asSystem() };
const reserved: EmailReservationEvent = { type: 'email.reserved', data: { userId: id(1), tenantId: id(2) } };

describe('decider spec helper', () => {
  const given = spec(emailReservationDecider, { registry: identityEventRegistry() }).given;

  it('fails when other events are decided', () => expect(() => given([]).when(reserve).then([])).toThrow());
  it('fails when an error was expected but events were decided', () =>
    expect(() => given([]).when(reserve).thenThrows('EMAIL.TAKEN')).toThrow('nothing was thrown'));
  it('fails on another error code', () =>
    expect(() => given([reserved]).when({ ...reserve, data: { ...reserve.data, userId: id(3) } }).thenThrows('EMAIL.OTHER')).toThrow());
  it('fails on another error category', () =>
    expect(() =>
      given([reserved]).when({ ...reserve, data: { ...reserve.data, userId: id(3) } }).thenThrows('EMAIL.TAKEN', 'forbidden'),
    ).toThrow());
  it('fails when a given event breaks its contract', () =>
    expect(() => given([{ type: 'email.reserved', data: { userId: 'alice', tenantId: id(2) } }]).when(reserve).then([])).toThrow(
      'does not match its schema',
    ));
  it('hands the evolved state to the state assertion', () => {
    const seen: unknown[] = [];
    given([]).when(reserve).then([reserved], (state) => seen.push(state.holder));
    expect(seen).toEqual([{ userId: id(1), tenantId: id(2) }]);
  });
});
