import { describeRawCommit } from './dead-letters/dead-letter';
import { describeError, isTransientError } from './projection-failure';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('projection failures', () => {
  it.each([
    ['08006', true], // connection failure
    ['40001', true], // serialization failure
    ['40P01', true], // deadlock
    ['57P01', true], // admin shutdown
    ['57014', false], // statement timeout: may be the message's fault
    ['23505', false], // unique violation
    ['22P02', false], // invalid text representation
    ['404', false], // a NATS code, not a SQLSTATE
    [undefined, false],
  ])('treats SQLSTATE %s as transient: %s', (code, transient) => {
    expect(isTransientError(Object.assign(new Error('x'), { code }))).toBe(transient);
  });

  it('describes an error by name, whole message and the head of its stack', () => {
    const error = new TypeError('first line\nsecond line');
    const text = describeError(error);
    expect(text.startsWith('TypeError: first line\nsecond line\n')).toBe(true);
    expect(text.split('\n').filter((l) => l.trim().startsWith('at ')).length).toBeLessThanOrEqual(5);
    expect(describeError('plain')).toBe('plain');
    expect(describeError(new Error('x'.repeat(10_000))).length).toBeLessThanOrEqual(4000);
  });

  it('reads tenant and first event type from a commit that may not decode', () => {
    const subject = 'evt.t1.counter.c1';
    expect(describeRawCommit(subject, encode({ tenantId: 't2', events: [{ type: 'a.b' }, { type: 'c.d' }] }))).toEqual({
      tenantId: 't2',
      eventType: 'a.b',
    });
    expect(describeRawCommit(subject, encode('not json'))).toEqual({ tenantId: 't1', eventType: null });
    expect(describeRawCommit('odd', encode({ events: 'nope' }))).toEqual({ tenantId: null, eventType: null });
  });
});
