import { searchTables, type SearchTable } from '@ragstream/search';
import type { Pool } from 'pg';

export interface LiveSearchTables {
  readonly tables: Record<SearchTable, string>;
  /** `search v1 g1`, from projection_registry, for the report. */
  readonly build: string;
}

/**
 * The physical tables behind the search views of `schema`, read from the views themselves, so
 * direct writes land where readers look whatever the build naming scheme is.
 */
export async function liveSearchTables(pool: Pool, schema: string): Promise<LiveSearchTables> {
  const { rows } = await pool.query<{ view_name: SearchTable; table_name: string }>(
    `SELECT view_name, table_name FROM information_schema.view_table_usage
     WHERE view_schema = $1 AND table_schema = $1 AND view_name = ANY($2::text[])`,
    [schema, searchTables],
  );
  const tables = {} as Record<SearchTable, string>;
  for (const view of searchTables) {
    const under = rows.filter((r) => r.view_name === view).map((r) => r.table_name);
    if (under.length !== 1) throw new Error(`view ${schema}.${view} should read exactly one table, reads ${under.length ? under.join(', ') : 'none'}`);
    tables[view] = under[0];
  }
  const registry = await pool.query(`SELECT * FROM projection_registry WHERE projection = 'search'`);
  const live = registry.rows[0];
  const build = live ? `search v${live.live_version}${live.live_generation ? ` g${live.live_generation}` : ''}` : 'search (not in projection_registry)';
  return { tables, build };
}
