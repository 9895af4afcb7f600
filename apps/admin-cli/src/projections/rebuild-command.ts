import { DomainError } from '@ragstream/domain';
import { rebuildProjection, type Projection, type RebuildResult } from '@ragstream/projections';
import type { ActionContext } from '../cli/run-action';
import type { CatalogSource } from './catalog-source';
import { commandInstance } from './operator';
import type { OpsSession } from './ops-session';
import { RebuildBar } from './rebuild-bar';
import { formatDuration } from './text-format';

export interface RebuildFlags {
  readonly all?: boolean;
  readonly dryRun?: boolean;
  readonly resume?: boolean;
  readonly keepOld?: boolean;
  readonly batchSize: number;
}

/** Rebuilds each projection in turn; Ctrl-C stops after the batch in flight, leaving a build `--resume` continues. */
export async function runRebuilds(ctx: ActionContext, session: OpsSession, catalog: CatalogSource, projections: Projection[], flags: RebuildFlags): Promise<void> {
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once('SIGINT', interrupt);
  const results: RebuildResult[] = [];
  try {
    for (const projection of projections) {
      const bar = new RebuildBar(!ctx.out.json);
      let result: RebuildResult;
      try {
        result = await rebuildProjection({
          nc: session.nc,
          stream: ctx.config.EVENTS_STREAM,
          connectionString: ctx.config.DATABASE_URL,
          schema: ctx.config.DB_SCHEMA,
          projection,
          registry: catalog.registry(),
          startedBy: commandInstance(),
          resume: flags.resume,
          keepOld: flags.keepOld,
          batchSize: flags.batchSize,
          consumerBatchSize: ctx.config.PROJECTION_BATCH_SIZE,
          signal: stop.signal,
          onProgress: (progress) => bar.update(progress),
        });
      } finally {
        bar.stop();
      }
      results.push(result);
      ctx.out.result({ rebuilds: results });
      if (result.outcome === 'interrupted') throw interrupted(result);
      ctx.out.print(summary(result));
    }
  } finally {
    process.off('SIGINT', interrupt);
  }
}

function summary(r: RebuildResult): string {
  const old = r.previous ? `; v${r.previous.version} g${r.previous.generation} ${r.oldTables === 'kept' ? 'kept (--keep-old)' : 'dropped'}` : '';
  const letters = r.deadLettered.length ? `; ${r.deadLettered.length} dead-lettered (see dlq list --projection ${r.projection})` : '';
  return `✓ ${r.projection} v${r.version} g${r.generation} is live at position ${r.position}: ${r.applied} events in ${formatDuration(r.elapsedMs)} (${Math.round(r.eventsPerSecond)} events/s)${old}${letters}`;
}

function interrupted(r: RebuildResult): DomainError {
  return new DomainError('REBUILD.INTERRUPTED', 'unavailable', `rebuild of ${r.projection} v${r.version} g${r.generation} interrupted at position ${r.position}`, {
    ...r,
    hint: `continue with: projections rebuild ${r.projection} --resume`,
  });
}
