import type { DataSource } from 'typeorm';
import { buildKey, sameBuild, type BuildKey } from './build-key';
import { ensureBuildRecorded, setBuildState } from './build-registry';
import { notifyCheckpoint, readCheckpoint } from './checkpoint-store';
import type { Projection, SqlExecutor } from './projection';
import { inTransaction, lockProjectionDdl } from './sql-transaction';
import { quoteIdent, tableNames } from './table-names';

/** The version and generation readers currently see, or undefined when the projection was never activated. */
export async function liveVersion(sql: SqlExecutor, projection: string): Promise<BuildKey | undefined> {
  const rows = await sql.query(`SELECT live_version, live_generation FROM projection_registry WHERE projection = $1`, [projection]);
  return rows.length ? { name: projection, version: Number(rows[0].live_version), generation: Number(rows[0].live_generation) } : undefined;
}

/**
 * Points every logical view of `projection` at one generation's tables and records it as live, in
 * one transaction, so readers switch from the old tables to the new ones all at once.
 */
export async function activateVersion(dataSource: DataSource, projection: Projection, generation = 1, startedBy = 'activation'): Promise<void> {
  await inTransaction(dataSource, async (sql) => {
    await lockProjectionDdl(sql, projection.name);
    await activateInTransaction(sql, projection, generation, startedBy);
  });
}

/** The swap itself; the caller owns the transaction and the DDL lock. The build replaced is marked retired. */
export async function activateInTransaction(sql: SqlExecutor, projection: Projection, generation: number, startedBy = 'activation'): Promise<void> {
  const key = buildKey(projection, generation);
  const t = tableNames(projection, generation);
  for (const table of projection.tables) {
    // Drop and create rather than CREATE OR REPLACE: a new version may change the columns.
    await sql.query(`DROP VIEW IF EXISTS ${quoteIdent(table)}`);
    await sql.query(`CREATE VIEW ${quoteIdent(table)} AS SELECT * FROM ${quoteIdent(t(table))}`);
  }
  const previous = await liveVersion(sql, projection.name);
  await sql.query(
    `INSERT INTO projection_registry (projection, live_version, live_generation) VALUES ($1, $2, $3)
     ON CONFLICT (projection) DO UPDATE
       SET live_version = excluded.live_version, live_generation = excluded.live_generation, state = 'live', updated_at = now()`,
    [key.name, key.version, key.generation],
  );
  await ensureBuildRecorded(sql, key, projection.fingerprint ?? null, startedBy);
  await setBuildState(sql, key, 'live');
  if (previous && !sameBuild(previous, key)) await setBuildState(sql, previous, 'retired');
  // Watchers re-read the registry on a notice from another build, so waiters see the new position at once.
  await notifyCheckpoint(sql, key, await readCheckpoint(sql, key));
}
