import type { Projection, TableNames } from './projection';

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const MAX_IDENTIFIER = 63; // Postgres silently truncates longer names, which could merge two tables.

/** The physical table of a logical table in one version: `<projection>_v<version>_<table>`. */
export function physicalTableName(projection: string, version: number, table: string): string {
  assertIdentifier(projection, 'projection name');
  assertIdentifier(table, 'table name');
  if (!Number.isInteger(version) || version < 1) throw new Error(`projection version must be a positive integer, got ${version}`);
  const name = `${projection}_v${version}_${table}`;
  if (name.length > MAX_IDENTIFIER) throw new Error(`table name ${name} is longer than ${MAX_IDENTIFIER} characters`);
  return name;
}

/** Resolves the projection's logical tables for `version`; an undeclared name throws so typos fail loudly. */
export function tableNames<T extends string>(projection: Projection<T>, version = projection.version): TableNames<T> {
  const names = new Map(projection.tables.map((table) => [table as string, physicalTableName(projection.name, version, table)]));
  return (logical: T) => {
    const name = names.get(logical);
    if (!name) throw new Error(`projection ${projection.name} declares no table ${JSON.stringify(logical)}`);
    return name;
  };
}

/** Quotes an identifier already checked by `physicalTableName` or `assertIdentifier`. */
export function quoteIdent(name: string): string {
  return `"${name}"`;
}

export function assertIdentifier(value: string, what: string): void {
  if (!IDENTIFIER.test(value)) throw new Error(`${what} must match ${IDENTIFIER}, got ${JSON.stringify(value)}`);
}
