import { DomainError } from '@ragstream/domain';
import { projectionOverview } from '@ragstream/projections';
import { InvalidArgumentError, type Command } from 'commander';
import { withExitCodes } from '../cli/exit-codes-help';
import { action, type ActionContext } from '../cli/run-action';
import { deploymentCatalog, selectProjections, type CatalogSource } from '../projections/catalog-source';
import { openOpsSession } from '../projections/ops-session';
import { runRebuilds, type RebuildFlags } from '../projections/rebuild-command';
import { planRebuilds } from '../projections/rebuild-dry-run';
import { listView, statusView } from '../projections/status-view';

/** `projections list|status|rebuild`: builds of the read models, without the projector running. */
export function registerProjectionCommands(program: Command, catalog: CatalogSource = deploymentCatalog): void {
  const group = program.command('projections').description('read-model builds: where each stands, and rebuilds into a new generation');
  group
    .command('list')
    .description('one line per projection: live build, state, checkpoint, stream head, lag in events and time, dead letters')
    .action(action((ctx) => status(ctx, catalog, undefined, 'list')));
  group
    .command('status')
    .description('everything about one projection (or all): fingerprints and staleness, lag, dead letters, a running or interrupted rebuild')
    .argument('[name]', 'a projection (all when omitted)')
    .action(action((ctx, name) => status(ctx, catalog, name as string | undefined, 'status')));
  group
    .command('rebuild')
    .description('build a new generation from the start of the log into fresh tables while the live one serves reads, catch up with the head, swap atomically')
    .argument('[name]', 'the projection to rebuild')
    .option('--all', 'every projection, one after the other')
    .option('--dry-run', 'print what would be done; change nothing')
    .option('--resume', 'continue the interrupted generation from its checkpoint instead of starting a new one')
    .option('--keep-old', 'keep the replaced generation’s tables after the swap')
    .option('--batch-size <events>', 'events per transaction', positiveInt, 1000)
    .action(action((ctx, name, flags) => rebuild(ctx, catalog, name as string | undefined, flags as RebuildFlags)));
  withExitCodes(group);
}

async function status(ctx: ActionContext, catalog: CatalogSource, name: string | undefined, view: 'list' | 'status'): Promise<void> {
  const session = await openOpsSession(ctx.config);
  try {
    const projections = selectProjections(await catalog.projections(session), name, false);
    const overviews = await projectionOverview(session.dataSource, session.nc, ctx.config.EVENTS_STREAM, projections);
    ctx.out.result({ stream: ctx.config.EVENTS_STREAM, projections: overviews });
    ctx.out.print(view === 'list' ? listView(overviews) : statusView(overviews));
  } finally {
    await session.close();
  }
}

async function rebuild(ctx: ActionContext, catalog: CatalogSource, name: string | undefined, flags: RebuildFlags): Promise<void> {
  if (!name && !flags.all) throw new DomainError('USAGE.PROJECTION_REQUIRED', 'validation', 'name a projection to rebuild, or pass --all');
  const session = await openOpsSession(ctx.config);
  try {
    const projections = selectProjections(await catalog.projections(session), name, flags.all ?? false);
    if (flags.dryRun) return await planRebuilds(ctx, session, projections, flags.resume ?? false);
    await runRebuilds(ctx, session, catalog, projections, flags);
  } finally {
    await session.close();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}
