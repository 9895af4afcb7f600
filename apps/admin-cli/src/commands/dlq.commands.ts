import { DomainError } from '@ragstream/domain';
import {
  DeadLetterRetryFailed,
  describeStoredCommit,
  discardDeadLetter,
  getDeadLetter,
  listDeadLetters,
  readDeadLetterMessage,
  retryDeadLetter,
  type DeadLetterStatus,
} from '@ragstream/projections';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { withExitCodes } from '../cli/exit-codes-help';
import { action, type ActionContext } from '../cli/run-action';
import { deploymentCatalog, type CatalogSource } from '../projections/catalog-source';
import { deadLetterDetail, deadLetterList } from '../projections/dlq-view';
import { operator } from '../projections/operator';
import { openOpsSession, type OpsSession } from '../projections/ops-session';

/** `dlq list|show|retry|discard`: the commits projections gave up on. */
export function registerDlqCommands(program: Command, catalog: CatalogSource = deploymentCatalog): void {
  const dlq = program.command('dlq').description('dead letters: commits a projection gave up on after its last attempt');
  dlq
    .command('list')
    .description('dead letters, oldest first')
    .option('--projection <name>', 'only this projection’s')
    .addOption(new Option('--state <state>', 'which ones').choices(['open', 'resolved', 'discarded', 'all']).default('open'))
    .option('--limit <n>', 'at most this many', id, 100)
    .action(action((ctx, opts) => list(ctx, opts as { projection?: string; state: DeadLetterStatus | 'all'; limit: number })));
  dlq
    .command('show')
    .description('one letter: its whole error and the stored commit, decoded')
    .argument('<id>', 'the letter', id)
    .action(action((ctx, letterId) => show(ctx, catalog, letterId as number)));
  dlq
    .command('retry')
    .description('re-apply the stored commit once through its projection, marking the letter resolved in the same transaction')
    .argument('<id>', 'the letter', id)
    .action(action((ctx, letterId) => retry(ctx, catalog, letterId as number)));
  dlq
    .command('discard')
    .description('close the letter without applying it, recording who and why')
    .argument('<id>', 'the letter', id)
    .requiredOption('--reason <text>', 'why it is safe to leave unapplied')
    .option('--by <who>', 'who decided (default: user@host)')
    .action(action((ctx, letterId, opts) => discard(ctx, letterId as number, opts as { reason: string; by?: string })));
  withExitCodes(dlq);
}

async function withSession(ctx: ActionContext, work: (session: OpsSession) => Promise<void>): Promise<void> {
  const session = await openOpsSession(ctx.config);
  try {
    await work(session);
  } finally {
    await session.close();
  }
}

function list(ctx: ActionContext, opts: { projection?: string; state: DeadLetterStatus | 'all'; limit: number }) {
  return withSession(ctx, async ({ dataSource }) => {
    const letters = await listDeadLetters(dataSource, { projection: opts.projection, status: opts.state, limit: opts.limit });
    ctx.out.result({ deadLetters: letters });
    ctx.out.print(deadLetterList(letters));
  });
}

function show(ctx: ActionContext, catalog: CatalogSource, letterId: number) {
  return withSession(ctx, async ({ dataSource, nc }) => {
    const letter = await getDeadLetter(dataSource, letterId);
    const stored = describeStoredCommit(catalog.registry(), await readDeadLetterMessage(nc, ctx.config.EVENTS_STREAM, letter));
    ctx.out.result({ deadLetter: letter, ...stored });
    ctx.out.print(deadLetterDetail(letter, stored));
  });
}

function retry(ctx: ActionContext, catalog: CatalogSource, letterId: number) {
  return withSession(ctx, async (session) => {
    const projections = await catalog.projections(session);
    const options = { dataSource: session.dataSource, nc: session.nc, stream: ctx.config.EVENTS_STREAM, registry: catalog.registry(), projections, id: letterId, by: operator() };
    const letter = await retryDeadLetter(options).catch((error: unknown) => {
      if (!(error instanceof DeadLetterRetryFailed)) throw error;
      throw new DomainError('DEAD_LETTER.RETRY_FAILED', 'unavailable', error.message, { id: letterId, hint: 'the letter stays open; fix the cause, then retry again or discard it' });
    });
    ctx.out.result({ deadLetter: letter });
    ctx.out.print(`✓ dead letter ${letter.id} re-applied to ${letter.projection} v${letter.version} g${letter.generation} and resolved`);
  });
}

function discard(ctx: ActionContext, letterId: number, opts: { reason: string; by?: string }) {
  return withSession(ctx, async ({ dataSource }) => {
    const letter = await discardDeadLetter(dataSource, letterId, opts.by ?? operator(), opts.reason);
    ctx.out.result({ deadLetter: letter });
    ctx.out.print(`✓ dead letter ${letter.id} discarded by ${letter.resolvedBy}: ${letter.resolutionNote}`);
  });
}

function id(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}
