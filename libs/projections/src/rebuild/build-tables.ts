import { buildTag, type BuildKey } from '../build-key';
import type { SqlExecutor } from '../projection';
import { quoteIdent } from '../table-names';

/**
 * The physical tables of one build, found in the catalog rather than from code: an older version's
 * tables need not be the ones the current code declares. Generation 1's prefix also starts every
 * later generation's names, which `g<n>_` tells apart (no logical table may start like that).
 */
export async function buildTables(sql: SqlExecutor, key: BuildKey): Promise<string[]> {
  const prefix = `${buildTag(key)}_`;
  const rows: { tablename: string }[] = await sql.query(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, $1) ORDER BY 1`, [
    prefix,
  ]);
  return rows.map((r) => r.tablename).filter((name) => key.generation > 1 || !/^g[0-9]+_/.test(name.slice(prefix.length)));
}

/** Drops one build's tables (their indexes and owned sequences go with them); the caller holds the DDL lock. */
export async function dropBuildTables(sql: SqlExecutor, key: BuildKey): Promise<string[]> {
  const tables = await buildTables(sql, key);
  // No CASCADE: a view still reading one of these tables means the swap did not happen, and the drop must fail.
  if (tables.length) await sql.query(`DROP TABLE IF EXISTS ${tables.map(quoteIdent).join(', ')}`);
  return tables;
}
