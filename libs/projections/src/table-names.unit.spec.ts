import type { Projection } from './projection';
import { physicalTableName, tableNames } from './table-names';

const projection = (name: string, tables: string[], version = 1): Projection =>
  ({ name, version, tables, setup: async () => undefined, apply: async () => undefined }) as Projection;

describe('table names', () => {
  it('names a physical table <projection>_v<version>_<table> in the first generation, _g<n> added from the second', () => {
    expect(physicalTableName('identity', 3, 'users')).toBe('identity_v3_users');
    expect(physicalTableName('identity', 3, 'users', 2)).toBe('identity_v3_g2_users');
  });

  it('resolves the declared tables for the first generation of the version or another one', () => {
    const p = projection('identity', ['users', 'workspaces'], 2);
    expect(tableNames(p)('workspaces')).toBe('identity_v2_workspaces');
    expect(tableNames(p, 7)('users')).toBe('identity_v2_g7_users');
  });

  it('refuses a table the projection does not declare', () => {
    expect(() => tableNames(projection('identity', ['users']))('user')).toThrow('declares no table "user"');
  });

  it.each([
    ['Identity', 'users', 1],
    ['identity', 'users; DROP TABLE x', 1],
    ['identity', 'users', 0],
    ['identity', 'users', 1.5],
    ['identity', 'x'.repeat(60), 1],
    ['identity', 'g2_users', 1],
  ])('refuses unsafe or overlong names (%s, %s, v%s)', (name, table, version) => {
    expect(() => physicalTableName(name, version, table)).toThrow();
  });
});
