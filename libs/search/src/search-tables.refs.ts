import { searchTables, type SearchTable } from './search.tables';
import type { SearchTableRefs } from './search-query.types';

export type ResolvedTables = Readonly<Record<SearchTable, string>>;

// Table names are spliced into SQL text, so only plain (optionally schema-qualified) identifiers pass.
const TABLE_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** The names to query for each logical table: the given ones, else the views named after the tables. */
export function resolveTables(refs: SearchTableRefs = {}): ResolvedTables {
  const resolved = {} as Record<SearchTable, string>;
  for (const table of searchTables) {
    const name = refs[table] ?? table;
    if (!TABLE_NAME.test(name)) throw new Error(`search table name ${JSON.stringify(name)} is not a plain identifier`);
    resolved[table] = name;
  }
  return resolved;
}
