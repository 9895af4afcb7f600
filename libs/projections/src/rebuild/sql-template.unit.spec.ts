import { substituteParameters } from './sql-template';

describe('substituteParameters', () => {
  const arg = (n: number) => `v[${n}]`;

  it('replaces every parameter, repeated ones included', () => {
    expect(substituteParameters(`INSERT INTO t VALUES ($1, $2, $1) ON CONFLICT DO UPDATE SET a = $10`, arg)).toBe(
      `INSERT INTO t VALUES (v[1], v[2], v[1]) ON CONFLICT DO UPDATE SET a = v[10]`,
    );
    expect(substituteParameters(`UPDATE t SET s = 'it''s', "Col" = $1`, arg)).toBe(`UPDATE t SET s = 'it''s', "Col" = v[1]`);
  });

  it('refuses what text substitution could get wrong', () => {
    for (const text of [`UPDATE t SET s = '$1'`, `UPDATE "t$1" SET a = $1`, `SELECT $$x$$`, `UPDATE t SET a = $1 -- $2`, `UPDATE t SET a = /* $2 */ $1`, `UPDATE t SET s = 'open`]) {
      expect(substituteParameters(text, arg)).toBeUndefined();
    }
  });
});
