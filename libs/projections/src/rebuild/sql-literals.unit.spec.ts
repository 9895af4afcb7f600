import { isDeferrableWrite, toLiteral } from './sql-literals';

describe('SQL literals for batched statements', () => {
  it('quotes values the way query parameters are sent', () => {
    expect(toLiteral(null)).toBe('NULL');
    expect(toLiteral(undefined)).toBe('NULL');
    expect(toLiteral(42)).toBe(`'42'`);
    expect(toLiteral(true)).toBe(`'true'`);
    expect(toLiteral(`it's`)).toBe(`'it''s'`);
    expect(toLiteral('back\\slash')).toBe(` E'back\\\\slash'`);
    expect(toLiteral(['a', 'b"c'])).toBe(` E'{"a","b\\\\"c"}'`);
    expect(toLiteral({ k: 'v' })).toBe(`'{"k":"v"}'`);
    expect(toLiteral(Buffer.from([1, 255]))).toBe(`'\\x01ff'`);
    expect(toLiteral(new Date('2026-01-02T03:04:05.006Z'))).toMatch(/^'2026-01-0[12]T\d\d:\d\d:05\.006[+-]\d\d:\d\d'$/);
  });

  it('queues only writes whose result nobody can need', () => {
    expect(isDeferrableWrite('INSERT INTO t VALUES ($1)')).toBe(true);
    expect(isDeferrableWrite('  update t SET a = 1')).toBe(true);
    expect(isDeferrableWrite('DELETE FROM t')).toBe(true);
    expect(isDeferrableWrite('INSERT INTO t VALUES ($1) RETURNING id')).toBe(false);
    expect(isDeferrableWrite('SELECT 1')).toBe(false);
    expect(isDeferrableWrite('WITH x AS (DELETE FROM t) SELECT 1')).toBe(false);
    expect(isDeferrableWrite('CREATE TABLE t (a int)')).toBe(false);
  });
});
