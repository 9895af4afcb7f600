import type { SqlExecutor } from './projection';

/** The Postgres channel on which every checkpoint advance (and version swap) is announced. */
export const CHECKPOINT_CHANNEL = 'projection_checkpoint';

/** What a checkpoint notification carries; `schema` keeps deployments sharing a database apart. */
export interface CheckpointNotice {
  readonly schema: string;
  readonly projection: string;
  readonly version: number;
  readonly position: number;
}

/** Creates the checkpoint row at position 0 unless it exists. */
export async function ensureCheckpoint(sql: SqlExecutor, projection: string, version: number): Promise<number> {
  await sql.query(`INSERT INTO projection_checkpoints (projection, version) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [projection, version]);
  const rows = await sql.query(`SELECT position FROM projection_checkpoints WHERE projection = $1 AND version = $2`, [projection, version]);
  return Number(rows[0].position);
}

/** Reads the checkpoint and holds its row lock until the transaction ends: one batch at a time per version. */
export async function lockCheckpoint(sql: SqlExecutor, projection: string, version: number): Promise<number> {
  const rows = await sql.query(`SELECT position FROM projection_checkpoints WHERE projection = $1 AND version = $2 FOR UPDATE`, [projection, version]);
  if (rows.length === 0) throw new Error(`no checkpoint row for ${projection} v${version}; start() creates it`);
  return Number(rows[0].position);
}

/** Moves the checkpoint and announces it; listeners hear it only once the transaction commits. */
export async function saveCheckpoint(sql: SqlExecutor, projection: string, version: number, position: number): Promise<void> {
  await sql.query(`UPDATE projection_checkpoints SET position = $3, updated_at = now() WHERE projection = $1 AND version = $2`, [
    projection,
    version,
    position,
  ]);
  await notifyCheckpoint(sql, projection, version, position);
}

export async function notifyCheckpoint(sql: SqlExecutor, projection: string, version: number, position: number): Promise<void> {
  await sql.query(
    `SELECT pg_notify($1, json_build_object('schema', current_schema(), 'projection', $2::text, 'version', $3::int, 'position', $4::bigint)::text)`,
    [CHECKPOINT_CHANNEL, projection, version, position],
  );
}

/** Reads the checkpoint without locking it (0 when the row does not exist yet). */
export async function readCheckpoint(sql: SqlExecutor, projection: string, version: number): Promise<number> {
  const rows = await sql.query(`SELECT position FROM projection_checkpoints WHERE projection = $1 AND version = $2`, [projection, version]);
  return rows.length === 0 ? 0 : Number(rows[0].position);
}
