// Command throughput and latency through the HTTP command API, and command-to-visible latency
// through the query API, each beside a raw baseline measured in the same run on the same machine.
// Usage: node dist/bench/commands.bench.js [--commands 5000] [--concurrency 32] [--visible 500]
//        [--warmup 500] [--rounds 2] [--log-level warn] [--log-dir DIR] [--cpu-prof] [--skip-pg-baseline]
//        [--projector-live] [--command-instances 1]
// Progress goes to stderr; stdout gets the table and, as its last line, one JSON object.
//
// Throughput phases (commands, and the raw publish baseline) run with the projector paused
// unless --projector-live: on this 2-core machine it would otherwise take CPU from whichever
// phase it happens to catch up in (a raw publish outruns it, so most of that work would fall in
// the next phase), and in production it runs on its own resources. Both phases are treated the
// same, the projector catches up between phases, and the visible phase runs everything.
import os from 'node:os';
import { CommitEnvelope } from '@ragstream/contracts';
import { directGet } from '@ragstream/event-store';
import { CheckpointWatcher } from '@ragstream/projections';
import { TEST_DATABASE_URL } from '@ragstream/testing';
import { parseArgs, type BenchArgs } from './lib/args';
import { BenchPlatform } from './lib/bench-platform';
import { report } from './lib/command-report';
import { CpuSampler, pidsNamed } from './lib/cpu-usage';
import { publishBaseline, type CommitTemplate } from './lib/jetstream-baseline';
import { progress } from './lib/load';
import { postgresNotifyBaseline } from './lib/postgres-baseline';
import type { PhaseResult } from './lib/stats';
import { commandPhase, createWorkspace, httpFloorPhase, visiblePhase, type Session } from './lib/workspace-phases';

/** A real workspace.created commit read back from the stream: the baseline publishes its twins. */
async function commitTemplate(platform: BenchPlatform, position: number): Promise<CommitTemplate> {
  const message = await directGet(platform.events.nc, platform.events.stream, { seq: position });
  if (!message) throw new Error(`no commit at position ${position}`);
  const envelope = CommitEnvelope.parse(JSON.parse(new TextDecoder().decode(message.data)));
  const extraHeaders: Record<string, string> = {};
  for (const key of message.headers.keys()) if (!/^Nats-/i.test(key)) extraHeaders[key] = message.headers.get(key);
  return { subjectPrefix: platform.events.subjectPrefix, envelope, extraHeaders, bytes: message.data.byteLength };
}

async function measure(args: BenchArgs, platform: BenchPlatform) {
  const c = args.concurrency;
  const { token, position: signedUpAt } = await platform.signUpAndLogIn();
  const s: Session = { platform, auth: { authorization: `Bearer ${token}` } };
  // The first command must find the owner's session in the read model, as a real client would.
  await platform.queryClient.expect(200, 'GET', '/v1/me', { ...s.auth, 'x-min-position': String(signedUpAt) });
  const watcher = new CheckpointWatcher({ connectionString: TEST_DATABASE_URL, schema: platform.db.schema, applicationName: 'ragstream-bench' });
  await watcher.start();
  try {
    progress(`warm-up: ${args.warmup} commands, ${Math.ceil(args.warmup / 5)} visible, ${args.warmup} raw publishes`);
    const template = await commitTemplate(platform, (await createWorkspace(s)).position);
    await commandPhase(s, 'warm-up commands', args.warmup, c);
    await visiblePhase(s, watcher, 'warm-up visible', Math.ceil(args.warmup / 5), c);
    await publishBaseline(platform.events.nc, template, 'warm-up publish', args.warmup, c);
    await platform.quiesce(s.auth);

    const cpu = new CpuSampler({
      'command-api': () => platform.commands.map((app) => app.pid),
      projector: () => [platform.projector.pid],
      'query-api': () => [platform.query.pid],
      bench: () => [process.pid],
      'nats-server*': () => pidsNamed('nats-server'),
      'postgres*': () => pidsNamed('postgres'),
    });
    const throughputPhase = async (phases: PhaseResult[], cpuSamples: Record<string, number>[], phase: () => Promise<PhaseResult>) => {
      if (!args.projectorLive) platform.pauseProjector(true);
      cpu.start();
      try {
        phases.push(await phase());
      } finally {
        cpuSamples.push(cpu.stop());
        if (!args.projectorLive) platform.pauseProjector(false);
      }
      await platform.quiesce(s.auth);
    };
    const [commands, publishes]: PhaseResult[][] = [[], []];
    const [commandCpu, publishCpu]: Record<string, number>[][] = [[], []];
    const perRound = Math.ceil(args.commands / args.rounds);
    for (let round = 1; round <= args.rounds; round++) {
      const measureCommands = () => throughputPhase(commands, commandCpu, () => commandPhase(s, `commands round ${round}`, perRound, c));
      const measurePublish = () =>
        throughputPhase(publishes, publishCpu, () => publishBaseline(platform.events.nc, template, `raw publish round ${round}`, perRound, c));
      // Alternating the order each round spreads the machine's drift over both measurements.
      if (round % 2 === 1) await measurePublish().then(measureCommands);
      else await measureCommands().then(measurePublish);
    }
    const [floor, floorCpu]: [PhaseResult[], Record<string, number>[]] = [[], []];
    await throughputPhase(floor, floorCpu, () => httpFloorPhase(s, 'http floor (GET /healthz)', perRound, c));
    const visible = await visiblePhase(s, watcher, 'command-to-visible', args.visible, c);
    const pg = args.skipPgBaseline ? undefined : await postgresNotifyBaseline(TEST_DATABASE_URL, platform.db.schema, args.visible, c);
    return { commands, publishes, floor, visible, pg, template, commandCpu, publishCpu, floorCpu };
  } finally {
    await watcher.close();
  }
}

async function main(args: BenchArgs): Promise<number> {
  const loadAtStart = os.loadavg();
  const platform = await BenchPlatform.start({
    logLevel: args.logLevel,
    logDir: args.logDir,
    maxSockets: args.concurrency,
    commandInstances: args.commandInstances,
    cpuProf: args.cpuProf,
  });
  let code = 2;
  try {
    code = report(args, { ...(await measure(args, platform)), loadAtStart });
    return code;
  } finally {
    progress('stopping apps, deleting the private stream and schema');
    const keepLogs = code !== 0 || args.cpuProf;
    await platform.close(keepLogs);
    if (keepLogs) progress(`app logs${args.cpuProf ? ' and CPU profiles' : ''} in ${platform.logDir}`);
  }
}

main(parseArgs(process.argv.slice(2))).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
