import { buildKey, type BuildKey } from '../build-key';
import { liveBuild, nextGeneration, unfinishedBuild, type BuildRecord } from '../build-registry';
import { readCheckpoint } from '../checkpoint-store';
import { ProjectionOperationError } from '../operation-error';
import type { Projection, SqlExecutor } from '../projection';

/** What a rebuild will do, decided before anything changes; `--dry-run` prints it. */
export interface RebuildPlan {
  readonly projection: string;
  readonly version: number;
  readonly fingerprint: string | null;
  readonly live: BuildRecord | undefined;
  readonly liveCheckpoint: number;
  /** The build to make: a new generation, or the unfinished one resumed. */
  readonly target: BuildKey;
  readonly resume: boolean;
  /** The target's checkpoint: where replay starts. */
  readonly from: number;
  /** An unfinished build a fresh rebuild replaces (its tables are dropped). */
  readonly abandons: BuildKey | undefined;
}

/** Decides the generation to build: `resume` continues the unfinished one, refusing one made with another configuration. */
export async function planRebuild(sql: SqlExecutor, projection: Projection, resume: boolean): Promise<RebuildPlan> {
  const fingerprint = projection.fingerprint ?? null;
  const live = await liveBuild(sql, projection.name);
  const liveCheckpoint = live ? await readCheckpoint(sql, live) : 0;
  const unfinished = await unfinishedBuild(sql, projection.name, projection.version);
  const base = { projection: projection.name, version: projection.version, fingerprint, live, liveCheckpoint };
  if (!resume) {
    const target = buildKey(projection, await nextGeneration(sql, projection.name, projection.version));
    return { ...base, target, resume: false, from: 0, abandons: unfinished };
  }
  if (!unfinished) {
    throw new ProjectionOperationError('not-found', 'PROJECTION.NOTHING_TO_RESUME', `${projection.name} v${projection.version} has no unfinished rebuild to resume`, {}, `start one with: projections rebuild ${projection.name}`);
  }
  if (unfinished.fingerprint !== fingerprint) {
    throw new ProjectionOperationError(
      'conflict',
      'PROJECTION.FINGERPRINT_CHANGED',
      `the unfinished rebuild of ${projection.name} (generation ${unfinished.generation}) was made with fingerprint ${unfinished.fingerprint}, the configuration now says ${fingerprint}`,
      { generation: unfinished.generation, recorded: unfinished.fingerprint, configured: fingerprint },
      'start a fresh rebuild without --resume',
    );
  }
  const target = buildKey(projection, unfinished.generation);
  return { ...base, target, resume: true, from: await readCheckpoint(sql, target), abandons: undefined };
}
