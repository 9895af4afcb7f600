import { buildKey, buildTag } from './build-key';
import type { Projection, TableNames } from './projection';

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
// A logical table `g2_users` in generation 1 would collide with `users` in generation 2.
const GENERATION_LIKE = /^g[0-9]+_/;
const MAX_IDENTIFIER = 63; // Postgres silently truncates longer names, which could merge two tables.

/** The physical table of a logical table in one build: `<projection>_v<version>[_g<generation>]_<table>`. */
export function physicalTableName(projection: string, version: number, table: string, generation = 1): string {
  assertIdentifier(table, 'table name');
  if (GENERATION_LIKE.test(table)) throw new Error(`table name ${table} must not start like a generation (g<n>_)`);
  const name = `${buildTag(buildKey({ name: projection, version }, generation))}_${table}`;
  if (name.length > MAX_IDENTIFIER) throw new Error(`table name ${name} is longer than ${MAX_IDENTIFIER} characters`);
  return name;
}

/** Resolves the projection's logical tables for one generation of its version; an undeclared name throws so typos fail loudly. */
export function tableNames<T extends string>(projection: Projection<T>, generation = 1): TableNames<T> {
  const names = new Map(projection.tables.map((table) => [table as string, physicalTableName(projection.name, projection.version, table, generation)]));
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
