import { replayCommits, revealSealed, userKeyOpener, type AuditEvent, type AuditFilter } from '@ragstream/audit';
import { Option, type Command } from 'commander';
import { openEventSink, type EventFormat } from '../cli/event-sink';
import { openLog, openVault } from '../cli/log-session';
import { withExitCodes } from '../cli/exit-codes-help';
import { action, type ActionContext } from '../cli/run-action';
import { filterOf, withFilterOptions, type FilterOptions } from './filter.options';

interface ReplayOptions extends FilterOptions {
  format?: EventFormat;
  out?: string;
  reveal?: boolean;
}

/** `events replay` and `events tail`: the log, filtered, as a table or NDJSON, on stdout or into a file. */
export function registerEventsCommands(program: Command): void {
  const events = program.command('events').description('read the event log: filtered replays and a live tail');
  const output = (command: Command) =>
    command
      .addOption(new Option('--format <format>', 'table (one row per commit) or ndjson (one event per line); ndjson with --json').choices(['table', 'ndjson']))
      .option('--out <file>', 'write to this file (created, never overwritten) instead of stdout')
      .option('--reveal', 'open sealed personal data (needs PII_MASTER_KEY); erased users read [erased]');
  output(withFilterOptions(events.command('replay').description('replay the commits that match, in log order, up to the current head')))
    .action(action((ctx, opts) => replay(ctx, opts as ReplayOptions, false)));
  output(withFilterOptions(events.command('tail').description('follow new commits that match until interrupted (Ctrl-C); --from starts earlier')))
    .action(action((ctx, opts) => replay(ctx, opts as ReplayOptions, true)));
  withExitCodes(events);
}

async function replay(ctx: ActionContext, options: ReplayOptions, follow: boolean): Promise<void> {
  const log = await openLog(ctx.config);
  const secrets = options.reveal ? await openVault(ctx.config) : undefined;
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once('SIGINT', interrupt);
  let filter: AuditFilter = filterOf(options);
  // A tail without a start shows only what is appended from now on.
  if (follow && !options.from) filter = { ...filter, fromPosition: (await log.store.headPosition()) + 1 };
  if (!options.out) ctx.out.streamsToStdout();
  const sink = await openEventSink(options.format ?? (ctx.out.json ? 'ndjson' : 'table'), options.out);
  const reveal = (e: AuditEvent) => (secrets ? revealSealed(e.data, userKeyOpener(secrets.vault, e.aggregateType, e.aggregateId)).then((data) => ({ ...e, data })) : e);
  const count = { commits: 0, events: 0 };
  try {
    for await (const { events } of replayCommits(log.store, filter, { follow, signal: stop.signal })) {
      await sink.write(await Promise.all(events.map(reveal)));
      count.commits++;
      count.events += events.length;
    }
  } finally {
    process.removeListener('SIGINT', interrupt);
    await sink.close();
    await log.close();
    await secrets?.dataSource.destroy();
  }
  ctx.out.result({ ...count, out: options.out ?? null });
  if (!ctx.out.json) process.stderr.write(`✓ ${count.events} events in ${count.commits} commits${options.out ? ` written to ${options.out}` : ''}\n`);
}
