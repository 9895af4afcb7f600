// Rebuild throughput of the identity projection over a stream of workspace.created commits, beside
// two floors measured in the same run on the same machine: an ordered-consumer replay of the same
// stream (NATS) and a batched insert of the same rows (Postgres). Target: the rebuild at least 0.5x
// the slower floor. Usage: node dist/bench/rebuild.bench.js [--events 1000000] [--batch-size 1000]
// [--publish-window 4000]; or `npm run bench -- rebuild` / `npm run bench -- --rebuild`.
// Progress goes to stderr; stdout gets the table and, as its last line, one JSON object.
import os from 'node:os';
import { createEventRegistry } from '@ragstream/contracts';
import { prepareProjection, rebuildProjection, type RebuildProgress } from '@ragstream/projections';
import { identityProjection } from '@ragstream/read-models';
import { TEST_DATABASE_URL, createTestDatabase, createTestEventStream } from '@ragstream/testing';
import { progress } from './lib/load';
import { parseRebuildArgs, type RebuildBenchArgs } from './lib/rebuild-args';
import { batchedInsertBaseline, orderedReplayBaseline } from './lib/rebuild-baselines';
import { rounded, table } from './lib/report';
import { publishWorkspaces } from './lib/workspace-log';

const TARGET = 0.5;

async function main(args: RebuildBenchArgs): Promise<number> {
  const loadAtStart = os.loadavg();
  const registry = createEventRegistry();
  const [events, db] = await Promise.all([createTestEventStream(registry), createTestDatabase()]);
  progress(`private stream ${events.stream}, schema ${db.schema}; ${args.events} commits, ${args.batchSize} events per transaction`);
  try {
    // An empty first generation is live, as after `npm start` on an empty log; the rebuild replaces it.
    await prepareProjection(db.dataSource, identityProjection);
    const publishPerSec = await publishWorkspaces(events.nc, events.stream, events.subjectPrefix, args.events, args.publishWindow);
    progress(`stream filled at ${Math.round(publishPerSec)} publishes/s`);

    // Postgres first and last, so drift on a shared machine weighs on both sides of the rebuild.
    progress('baseline: batched insert of the same rows (1/2)');
    const insertBefore = await batchedInsertBaseline(TEST_DATABASE_URL, db.schema, args.events, args.batchSize, 'a');
    progress('baseline: ordered-consumer replay of the same stream');
    const replay = await orderedReplayBaseline(events.nc, events.stream, args.events, args.batchSize);
    progress('rebuild');
    const rebuild = await timedRebuild(args, events, db.schema, registry);
    progress('baseline: batched insert of the same rows (2/2)');
    const insertAfter = await batchedInsertBaseline(TEST_DATABASE_URL, db.schema, args.events, args.batchSize, 'b');
    const workspaces = Number((await db.dataSource.query(`SELECT count(*) AS n FROM workspaces`))[0].n);
    if (workspaces !== args.events) throw new Error(`the rebuilt read model has ${workspaces} workspaces, expected ${args.events}`);
    return report(args, { publishPerSec, replay, insert: (insertBefore + insertAfter) / 2, insertBefore, insertAfter, rebuild, loadAtStart });
  } finally {
    progress('deleting the private stream and schema');
    await events.dispose();
    await db.dispose();
  }
}

/** The whole rebuild as an operator runs it (setup, replay, swap, dropping the old build), wall clock. */
async function timedRebuild(args: RebuildBenchArgs, events: Awaited<ReturnType<typeof createTestEventStream>>, schema: string, registry: ReturnType<typeof createEventRegistry>) {
  let last = 0;
  const started = performance.now();
  const result = await rebuildProjection({
    nc: events.nc,
    stream: events.stream,
    connectionString: TEST_DATABASE_URL,
    schema,
    projection: identityProjection,
    registry,
    startedBy: 'bench',
    batchSize: args.batchSize,
    onProgress: (p: RebuildProgress) => {
      if (performance.now() - last < 5000 && p.phase === 'replaying') return;
      last = performance.now();
      progress(`rebuild ${p.phase}: ${p.position}/${p.head}, ${Math.round(p.eventsPerSecond)} events/s`);
    },
  });
  const wallMs = performance.now() - started;
  if (result.outcome !== 'swapped' || result.generation !== 2) throw new Error(`unexpected rebuild result ${JSON.stringify(result)}`);
  return { perSec: (result.applied * 1000) / wallMs, wallMs, applied: result.applied, deadLettered: result.deadLettered.length };
}

interface Figures {
  readonly publishPerSec: number;
  readonly replay: number;
  readonly insert: number;
  readonly insertBefore: number;
  readonly insertAfter: number;
  readonly rebuild: { perSec: number; wallMs: number; applied: number; deadLettered: number };
  readonly loadAtStart: number[];
}

function report(args: RebuildBenchArgs, f: Figures): number {
  const slower = Math.min(f.replay, f.insert);
  const ratio = f.rebuild.perSec / slower;
  const met = ratio >= TARGET;
  process.stdout.write(
    `${table([
      { figure: 'rebuild events/s (vs slower floor)', value: f.rebuild.perSec, baseline: slower, target: `>= ${TARGET}x`, met },
      { figure: 'rebuild vs ordered-consumer replay', value: f.rebuild.perSec, baseline: f.replay },
      { figure: 'rebuild vs batched insert (mean of 2)', value: f.rebuild.perSec, baseline: f.insert },
      { figure: 'ordered-consumer replay msgs/s', value: f.replay },
      { figure: 'batched insert events/s, before', value: f.insertBefore },
      { figure: 'batched insert events/s, after', value: f.insertAfter },
      { figure: 'stream fill commits/s (setup only)', value: f.publishPerSec },
    ])}\n`,
  );
  const json = {
    benchmark: 'rebuild',
    events: args.events,
    batchSize: args.batchSize,
    rebuildEventsPerSec: f.rebuild.perSec,
    rebuildWallMs: f.rebuild.wallMs,
    replayMsgsPerSec: f.replay,
    insertEventsPerSec: f.insert,
    insertEventsPerSecBefore: f.insertBefore,
    insertEventsPerSecAfter: f.insertAfter,
    slowerBaseline: f.replay <= f.insert ? 'replay' : 'insert',
    ratioToSlower: ratio,
    ratioToReplay: f.rebuild.perSec / f.replay,
    ratioToInsert: f.rebuild.perSec / f.insert,
    target: TARGET,
    met,
    publishPerSec: f.publishPerSec,
    deadLettered: f.rebuild.deadLettered,
    cpus: os.cpus().length,
    loadAtStart: f.loadAtStart,
    loadAtEnd: os.loadavg(),
  };
  process.stdout.write(`${JSON.stringify(rounded(json))}\n`);
  return 0;
}

main(parseRebuildArgs(process.argv.slice(2))).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
