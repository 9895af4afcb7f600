import type { BuildKey } from './build-key';
import type { SqlExecutor } from './projection';

/** The Postgres channel on which every checkpoint advance (and generation swap) is announced. */
export const CHECKPOINT_CHANNEL = 'projection_checkpoint';

/** What a checkpoint notification carries; `schema` keeps deployments sharing a database apart. */
export interface CheckpointNotice {
  readonly schema: string;
  readonly projection: string;
  readonly version: number;
  readonly generation: number;
  readonly position: number;
}

const KEY = `projection = $1 AND version = $2 AND generation = $3`;
const keyParams = (key: BuildKey) => [key.name, key.version, key.generation];

/** Creates the checkpoint row at position 0 unless it exists; answers its position. */
export async function ensureCheckpoint(sql: SqlExecutor, key: BuildKey): Promise<number> {
  await sql.query(`INSERT INTO projection_checkpoints (projection, version, generation) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, keyParams(key));
  return readCheckpoint(sql, key);
}

/** Reads the checkpoint and holds its row lock until the transaction ends: one batch at a time per build. */
export async function lockCheckpoint(sql: SqlExecutor, key: BuildKey): Promise<number> {
  const rows = await sql.query(`SELECT position FROM projection_checkpoints WHERE ${KEY} FOR UPDATE`, keyParams(key));
  if (rows.length === 0) throw new Error(`no checkpoint row for ${key.name} v${key.version} g${key.generation}; start() creates it`);
  return Number(rows[0].position);
}

/** Moves the checkpoint and announces it; listeners hear it only once the transaction commits. */
export async function saveCheckpoint(sql: SqlExecutor, key: BuildKey, position: number, notify = true): Promise<void> {
  await sql.query(`UPDATE projection_checkpoints SET position = $4, updated_at = now() WHERE ${KEY}`, [...keyParams(key), position]);
  if (notify) await notifyCheckpoint(sql, key, position);
}

export async function notifyCheckpoint(sql: SqlExecutor, key: BuildKey, position: number): Promise<void> {
  await sql.query(
    `SELECT pg_notify($1, json_build_object('schema', current_schema(), 'projection', $2::text, 'version', $3::int,
       'generation', $4::int, 'position', $5::bigint)::text)`,
    [CHECKPOINT_CHANNEL, ...keyParams(key), position],
  );
}

/** Reads the checkpoint without locking it (0 when the row does not exist yet). */
export async function readCheckpoint(sql: SqlExecutor, key: BuildKey): Promise<number> {
  const rows = await sql.query(`SELECT position FROM projection_checkpoints WHERE ${KEY}`, keyParams(key));
  return rows.length === 0 ? 0 : Number(rows[0].position);
}

/** Removes a retired build's checkpoint row. */
export async function deleteCheckpoint(sql: SqlExecutor, key: BuildKey): Promise<void> {
  await sql.query(`DELETE FROM projection_checkpoints WHERE ${KEY}`, keyParams(key));
}

/**
 * Locks the checkpoint like `lockCheckpoint` and tells whether the build was swapped out (or its
 * rows removed): a runner still on it must then stop writing, since readers moved to another build.
 */
export async function lockCheckpointIfCurrent(sql: SqlExecutor, key: BuildKey): Promise<{ position: number; retired: boolean }> {
  const rows = await sql.query(
    `SELECT c.position, b.state FROM projection_checkpoints c
     LEFT JOIN projection_builds b ON b.projection = c.projection AND b.version = c.version AND b.generation = c.generation
     WHERE c.projection = $1 AND c.version = $2 AND c.generation = $3 FOR UPDATE OF c`,
    keyParams(key),
  );
  if (rows.length === 0) return { position: 0, retired: true };
  return { position: Number(rows[0].position), retired: rows[0].state === 'retired' };
}
