import type { DataSource } from 'typeorm';
import { buildKey, type BuildKey } from './build-key';
import { ensureCheckpoint } from './checkpoint-store';
import type { Projection } from './projection';
import { inTransaction, lockProjectionDdl } from './sql-transaction';
import { tableNames } from './table-names';
import { activateInTransaction, liveVersion } from './view-activation';

export interface PreparedProjection {
  /** The checkpoint of this build: the last position already applied. */
  readonly position: number;
  /** The build readers see; another build than this one means we are a rebuild. */
  readonly live: BuildKey;
}

/**
 * Creates one generation's tables and checkpoint, and makes it live when nothing is live yet
 * (the very first start). `startedBy` is recorded when the build is new.
 */
export async function prepareProjection(dataSource: DataSource, projection: Projection, generation = 1, startedBy = 'projector'): Promise<PreparedProjection> {
  const key = buildKey(projection, generation);
  return inTransaction(dataSource, async (sql) => {
    await lockProjectionDdl(sql, projection.name);
    await projection.setup(sql, tableNames(projection, generation));
    const position = await ensureCheckpoint(sql, key);
    const live = await liveVersion(sql, projection.name);
    if (live !== undefined) return { position, live };
    await activateInTransaction(sql, projection, generation, startedBy);
    return { position, live: key };
  });
}
