import type { BuildKey } from './build-key';
import type { SqlExecutor } from './projection';

export type BuildState = 'building' | 'live' | 'retired' | 'failed';

/** A row of `projection_builds`: one generation of one version, and where it stands. */
export interface BuildRecord extends BuildKey {
  readonly fingerprint: string | null;
  readonly state: BuildState;
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly swappedAt: Date | null;
  readonly retiredAt: Date | null;
  readonly tablesDropped: boolean;
  readonly error: string | null;
}

const COLUMNS = `projection, version, generation, fingerprint, state, started_by, started_at, swapped_at, retired_at, tables_dropped, error`;

const toRecord = (row: any): BuildRecord => ({
  name: row.projection,
  version: Number(row.version),
  generation: Number(row.generation),
  fingerprint: row.fingerprint ?? null,
  state: row.state,
  startedBy: row.started_by,
  startedAt: new Date(row.started_at),
  swappedAt: row.swapped_at ? new Date(row.swapped_at) : null,
  retiredAt: row.retired_at ? new Date(row.retired_at) : null,
  tablesDropped: Boolean(row.tables_dropped),
  error: row.error ?? null,
});

/** The build readers see, or undefined for a projection never activated. */
export async function liveBuild(sql: SqlExecutor, projection: string): Promise<BuildRecord | undefined> {
  const rows = await sql.query(
    `SELECT ${COLUMNS.split(', ').map((c) => `b.${c}`).join(', ')} FROM projection_registry r
     JOIN projection_builds b ON b.projection = r.projection AND b.version = r.live_version AND b.generation = r.live_generation
     WHERE r.projection = $1`,
    [projection],
  );
  return rows.length ? toRecord(rows[0]) : undefined;
}

export async function findBuild(sql: SqlExecutor, key: BuildKey): Promise<BuildRecord | undefined> {
  const rows = await sql.query(`SELECT ${COLUMNS} FROM projection_builds WHERE projection = $1 AND version = $2 AND generation = $3`, [
    key.name,
    key.version,
    key.generation,
  ]);
  return rows.length ? toRecord(rows[0]) : undefined;
}

/** Every build of a projection, newest first. */
export async function listBuilds(sql: SqlExecutor, projection: string): Promise<BuildRecord[]> {
  const rows = await sql.query(`SELECT ${COLUMNS} FROM projection_builds WHERE projection = $1 ORDER BY started_at DESC, version DESC, generation DESC`, [projection]);
  return rows.map(toRecord);
}

/** The newest build of this version that stopped before its swap and still has its tables. */
export async function unfinishedBuild(sql: SqlExecutor, projection: string, version: number): Promise<BuildRecord | undefined> {
  const rows = await sql.query(
    `SELECT ${COLUMNS} FROM projection_builds
     WHERE projection = $1 AND version = $2 AND state IN ('building', 'failed') AND NOT tables_dropped
     ORDER BY generation DESC LIMIT 1`,
    [projection, version],
  );
  return rows.length ? toRecord(rows[0]) : undefined;
}

/** One more than any generation of this version ever recorded, in builds or checkpoints. */
export async function nextGeneration(sql: SqlExecutor, projection: string, version: number): Promise<number> {
  const rows = await sql.query(
    `SELECT greatest(
       (SELECT max(generation) FROM projection_builds WHERE projection = $1 AND version = $2),
       (SELECT max(generation) FROM projection_checkpoints WHERE projection = $1 AND version = $2)) AS g`,
    [projection, version],
  );
  return Number(rows[0].g ?? 0) + 1;
}

/** Records a build as started now by `startedBy`; a resumed build's row is restarted the same way. */
export async function recordBuild(sql: SqlExecutor, key: BuildKey, fingerprint: string | null, startedBy: string): Promise<void> {
  await sql.query(
    `INSERT INTO projection_builds (projection, version, generation, fingerprint, state, started_by) VALUES ($1, $2, $3, $4, 'building', $5)
     ON CONFLICT (projection, version, generation) DO UPDATE
       SET state = 'building', error = NULL, started_by = excluded.started_by, started_at = now(), updated_at = now()`,
    [key.name, key.version, key.generation, fingerprint, startedBy],
  );
}

/** Records a build unless it is recorded already (a build made live before builds were recorded). */
export async function ensureBuildRecorded(sql: SqlExecutor, key: BuildKey, fingerprint: string | null, startedBy: string): Promise<void> {
  await sql.query(
    `INSERT INTO projection_builds (projection, version, generation, fingerprint, state, started_by) VALUES ($1, $2, $3, $4, 'building', $5)
     ON CONFLICT DO NOTHING`,
    [key.name, key.version, key.generation, fingerprint, startedBy],
  );
}

export async function setBuildState(sql: SqlExecutor, key: BuildKey, state: BuildState, error: string | null = null): Promise<void> {
  await sql.query(
    `UPDATE projection_builds SET state = $4, error = $5, updated_at = now(),
       swapped_at = CASE WHEN $4 = 'live' THEN now() ELSE swapped_at END,
       retired_at = CASE WHEN $4 = 'retired' THEN now() ELSE retired_at END
     WHERE projection = $1 AND version = $2 AND generation = $3`,
    [key.name, key.version, key.generation, state, error],
  );
}

export async function markTablesDropped(sql: SqlExecutor, key: BuildKey): Promise<void> {
  await sql.query(`UPDATE projection_builds SET tables_dropped = true, updated_at = now() WHERE projection = $1 AND version = $2 AND generation = $3`, [
    key.name,
    key.version,
    key.generation,
  ]);
}
