import type { SqlExecutor } from '../projection';
import type { RebuildConnection } from './rebuild-connection';

// Two int keys: a namespace per schema (deployments sharing a database stay apart) and the projection.
const KEYS = `hashtext(current_schema() || '.projection-rebuild'), hashtext($1)`;

/** Who holds a projection's rebuild lock, as Postgres sees the session. */
export interface LockHolder {
  readonly pid: number;
  readonly applicationName: string;
  readonly clientAddress: string | null;
  readonly connectedAt: Date;
}

/**
 * Takes the projection's rebuild lock for the life of the session (a crashed rebuild frees it with
 * its connection); false when another session holds it.
 */
export async function tryLockRebuild(connection: RebuildConnection, projection: string): Promise<boolean> {
  const { rows } = await connection.query(`SELECT pg_try_advisory_lock(${KEYS}) AS locked`, [projection]);
  return rows[0].locked === true;
}

export async function unlockRebuild(connection: RebuildConnection, projection: string): Promise<void> {
  await connection.query(`SELECT pg_advisory_unlock(${KEYS})`, [projection]);
}

/** The session holding the rebuild lock, or undefined when nobody rebuilds the projection. */
export async function rebuildLockHolder(sql: SqlExecutor, projection: string): Promise<LockHolder | undefined> {
  const rows = await sql.query(
    `SELECT a.pid, a.application_name, host(a.client_addr) AS client_addr, a.backend_start
     FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = hashtext(current_schema() || '.projection-rebuild')::oid AND l.objid = hashtext($1)::oid`,
    [projection],
  );
  if (rows.length === 0) return undefined;
  const row = rows[0];
  return { pid: Number(row.pid), applicationName: row.application_name, clientAddress: row.client_addr ?? null, connectedAt: new Date(row.backend_start) };
}
