import { columns, formatDuration } from './text-format';

describe('text formatting', () => {
  it('writes durations the way an operator reads them', () => {
    expect([0, 12_400, 185_000, 3_720_000, undefined].map(formatDuration)).toEqual(['0s', '12s', '3m 05s', '1h 02m', '-']);
  });

  it('aligns columns to the widest cell', () => {
    expect(columns(['A', 'BB'], [['xyz', '1'], ['q', '22']])).toBe('A    BB\nxyz  1\nq    22');
  });
});
