import type { DataSource } from 'typeorm';
import { notifyCheckpoint } from './checkpoint-store';
import type { Projection, SqlExecutor } from './projection';
import { inTransaction, lockProjectionDdl } from './sql-transaction';
import { quoteIdent, tableNames } from './table-names';

/** The version readers currently see, or undefined when the projection was never activated. */
export async function liveVersion(sql: SqlExecutor, projection: string): Promise<number | undefined> {
  const rows = await sql.query(`SELECT live_version FROM projection_registry WHERE projection = $1`, [projection]);
  return rows.length ? Number(rows[0].live_version) : undefined;
}

/**
 * Points every logical view of `projection` at `version`'s tables and records it as live, in one
 * transaction, so readers switch from the old tables to the new ones all at once.
 */
export async function activateVersion(dataSource: DataSource, projection: Projection, version = projection.version): Promise<void> {
  await inTransaction(dataSource, async (sql) => {
    await lockProjectionDdl(sql, projection.name);
    await activateInTransaction(sql, projection, version);
  });
}

/** The swap itself; the caller owns the transaction and the DDL lock. */
export async function activateInTransaction(sql: SqlExecutor, projection: Projection, version: number): Promise<void> {
  const t = tableNames(projection, version);
  for (const table of projection.tables) {
    // Drop and create rather than CREATE OR REPLACE: a new version may change the columns.
    await sql.query(`DROP VIEW IF EXISTS ${quoteIdent(table)}`);
    await sql.query(`CREATE VIEW ${quoteIdent(table)} AS SELECT * FROM ${quoteIdent(t(table))}`);
  }
  await sql.query(
    `INSERT INTO projection_registry (projection, live_version) VALUES ($1, $2)
     ON CONFLICT (projection) DO UPDATE SET live_version = excluded.live_version, state = 'live', updated_at = now()`,
    [projection.name, version],
  );
  const rows = await sql.query(`SELECT position FROM projection_checkpoints WHERE projection = $1 AND version = $2`, [projection.name, version]);
  // Watchers re-read the registry on notice, so waiters see the new version's position at once.
  await notifyCheckpoint(sql, projection.name, version, rows.length ? Number(rows[0].position) : 0);
}
