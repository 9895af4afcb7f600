import type { DataSource } from 'typeorm';
import type { SqlExecutor } from './projection';

/** Runs `work` in one Postgres transaction; it commits when `work` resolves and rolls back when it throws. */
export function inTransaction<T>(dataSource: DataSource, work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
  // A bare executor, so a projection cannot reach the query runner and end the transaction itself.
  return dataSource.transaction((manager) => work({ query: (text, params) => manager.query(text, params as unknown[]) }));
}

/** Serialises DDL on one projection across instances: concurrent CREATE ... IF NOT EXISTS can still collide. */
export async function lockProjectionDdl(sql: SqlExecutor, projection: string): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.projection.' || $1))`, [projection]);
}
