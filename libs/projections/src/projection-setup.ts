import type { DataSource } from 'typeorm';
import { ensureCheckpoint } from './checkpoint-store';
import type { Projection } from './projection';
import { inTransaction, lockProjectionDdl } from './sql-transaction';
import { tableNames } from './table-names';
import { activateInTransaction, liveVersion } from './view-activation';

export interface PreparedProjection {
  /** The checkpoint of this version: the last position already applied. */
  readonly position: number;
  /** The version readers see; another version than this one means we are a rebuild. */
  readonly liveVersion: number;
}

/** Creates this version's tables and checkpoint, and makes it live when no version is live yet. */
export async function prepareProjection(dataSource: DataSource, projection: Projection): Promise<PreparedProjection> {
  return inTransaction(dataSource, async (sql) => {
    await lockProjectionDdl(sql, projection.name);
    await projection.setup(sql, tableNames(projection));
    const position = await ensureCheckpoint(sql, projection.name, projection.version);
    const live = await liveVersion(sql, projection.name);
    if (live !== undefined) return { position, liveVersion: live };
    await activateInTransaction(sql, projection, projection.version);
    return { position, liveVersion: projection.version };
  });
}
