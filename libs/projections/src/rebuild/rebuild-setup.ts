import type { BuildKey } from '../build-key';
import { recordBuild } from '../build-registry';
import { ensureCheckpoint } from '../checkpoint-store';
import type { Projection } from '../projection';
import { lockProjectionDdl } from '../sql-transaction';
import { tableNames } from '../table-names';
import type { RebuildConnection } from './rebuild-connection';

/** Creates (or, resuming, keeps) the build's tables and checkpoint, and records who builds it with which configuration. */
export async function setUpBuild(connection: RebuildConnection, projection: Projection, key: BuildKey, startedBy: string): Promise<number> {
  return connection.transaction(async (sql) => {
    await lockProjectionDdl(sql, key.name);
    await projection.setup(sql, tableNames(projection, key.generation));
    await recordBuild(sql, key, projection.fingerprint ?? null, startedBy);
    return ensureCheckpoint(sql, key);
  });
}
