import { nextMonthStart } from './token-quota';

describe('nextMonthStart', () => {
  it.each([
    ['2026-11-22T07:00:00Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T00:00:00Z', '2027-02-01T00:00:00.000Z'],
  ])('after %s comes %s (UTC)', (now, next) => expect(nextMonthStart(new Date(now)).toISOString()).toBe(next));
});
