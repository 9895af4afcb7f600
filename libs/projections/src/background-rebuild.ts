import type { Logger } from '@ragstream/observability';
import { unfinishedBuild } from './build-registry';
import { ProjectionOperationError } from './operation-error';
import type { SqlExecutor } from './projection';
import { rebuildProjection, type RebuildOptions, type RebuildResult } from './rebuild';
import type { RebuildProgress } from './rebuild/rebuild-progress';

const LOG_EVERY_MS = 5000;

/**
 * A rebuild the projector starts itself because the live build was made by other code or another
 * configuration: resumes an unfinished build of the same configuration, logs its progress as JSON
 * every few seconds, and answers 'locked' when another instance is already at it.
 */
export async function rebuildInBackground(
  sql: SqlExecutor,
  options: Omit<RebuildOptions, 'resume' | 'onProgress'>,
  logger: Logger,
): Promise<RebuildResult | 'locked'> {
  const { projection } = options;
  const unfinished = await unfinishedBuild(sql, projection.name, projection.version);
  const resume = !!unfinished && unfinished.fingerprint === (projection.fingerprint ?? null);
  let lastLog = 0;
  const onProgress = (progress: RebuildProgress) => {
    const now = Date.now();
    if (progress.phase === 'replaying' && now - lastLog < LOG_EVERY_MS) return;
    lastLog = now;
    logger.info({ rebuild: summarize(progress) }, `rebuilding ${projection.name} in the background: ${progress.phase}`);
  };
  try {
    return await rebuildProjection({ ...options, resume, onProgress });
  } catch (error) {
    if (error instanceof ProjectionOperationError && error.kind === 'locked') return 'locked';
    throw error;
  }
}

function summarize(p: RebuildProgress) {
  return {
    generation: p.generation,
    phase: p.phase,
    position: p.position,
    head: p.head,
    eventsPerSecond: Math.round(p.eventsPerSecond),
    etaSeconds: p.etaMs === undefined ? null : Math.round(p.etaMs / 1000),
  };
}
