import { listBuilds } from '../build-registry';
import { ProjectionOperationError } from '../operation-error';
import type { SqlExecutor } from '../projection';
import { rebuildLockHolder } from './rebuild-lock';

/** The refusal when another session rebuilds the projection: names the build, who started it, when, and the session. */
export async function rebuildLocked(sql: SqlExecutor, projection: string): Promise<ProjectionOperationError> {
  const holder = await rebuildLockHolder(sql, projection);
  const building = (await listBuilds(sql, projection)).find((b) => b.state === 'building');
  const who = building ? `generation ${building.generation} started by ${building.startedBy} at ${building.startedAt.toISOString()}` : 'a build not recorded yet';
  const session = holder ? ` (Postgres session ${holder.pid}, ${holder.applicationName || 'no application name'}${holder.clientAddress ? ` from ${holder.clientAddress}` : ''})` : '';
  return new ProjectionOperationError(
    'locked',
    'PROJECTION.REBUILD_RUNNING',
    `a rebuild of ${projection} is already running: ${who}${session}`,
    { generation: building?.generation ?? null, startedBy: building?.startedBy ?? null, startedAt: building?.startedAt.toISOString() ?? null, pid: holder?.pid ?? null },
    'wait for it to finish (projections status shows its progress), or stop that process and run again with --resume',
  );
}
