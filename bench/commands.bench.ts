// Command throughput and latency through the HTTP command API, and command-to-visible latency
// through the query API, each beside a raw baseline measured in the same run on the same machine.
// Usage: node dist/bench/commands.bench.js [--commands 5000] [--concurrency 32] [--visible 500]
//        [--warmup 500] [--rounds 2] [--log-level warn] [--log-dir DIR] [--cpu-prof] [--skip-pg-baseline]
// Progress goes to stderr; stdout gets the table and, as its last line, one JSON object.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { directGet } from '@ragstream/event-store';
import { CommitEnvelope } from '@ragstream/contracts';
import { parseArgs, type BenchArgs } from './lib/args';
import { BenchPlatform } from './lib/bench-platform';
import { CpuSampler, pidsNamed } from './lib/cpu-usage';
import { publishBaseline, type CommitTemplate } from './lib/jetstream-baseline';
import { progress, runClosedLoop } from './lib/load';
import { postgresNotifyBaseline } from './lib/postgres-baseline';
import { rounded, table } from './lib/report';
import { summarize, type PhaseResult } from './lib/stats';

const TARGETS = { throughputRatio: 0.5, commandP99Ms: 25, visibleP95Ms: 50 };

interface Session {
  readonly platform: BenchPlatform;
  readonly auth: Record<string, string>;
}

let created = 0;

/** One `POST /v1/workspaces` with a distinct name; a fresh aggregate every time. */
async function createWorkspace({ platform, auth }: Session): Promise<{ workspaceId: string; position: number }> {
  return platform.commandClient.expect(201, 'POST', '/v1/workspaces', auth, { name: `bench workspace ${++created}` });
}

const commandPhase = (s: Session, label: string, total: number, concurrency: number) =>
  runClosedLoop(label, total, concurrency, async () => void (await createWorkspace(s)));

/** Send the command, then one GET with X-Min-Position (the query API waits for the checkpoint). */
function visiblePhase(s: Session, label: string, total: number, concurrency: number) {
  const commandMs: number[] = [];
  const phase = runClosedLoop(label, total, concurrency, async () => {
    const t0 = performance.now();
    const { workspaceId, position } = await createWorkspace(s);
    commandMs.push(performance.now() - t0);
    await s.platform.queryClient.expect(200, 'GET', `/v1/workspaces/${workspaceId}`, { ...s.auth, 'x-min-position': String(position) });
  });
  return phase.then((result) => ({ result, commandMs }));
}

/** A real workspace.created commit read back from the stream: the baseline publishes its twins. */
async function commitTemplate(platform: BenchPlatform, position: number): Promise<CommitTemplate> {
  const message = await directGet(platform.events.nc, platform.events.stream, { seq: position });
  if (!message) throw new Error(`no commit at position ${position}`);
  const envelope = CommitEnvelope.parse(JSON.parse(new TextDecoder().decode(message.data)));
  const extraHeaders: Record<string, string> = {};
  for (const key of message.headers.keys()) if (!/^Nats-/i.test(key)) extraHeaders[key] = message.headers.get(key);
  return { subjectPrefix: platform.events.subjectPrefix, envelope, extraHeaders, bytes: message.data.byteLength };
}

async function run(args: BenchArgs) {
  const { concurrency: c } = args;
  const loadAtStart = os.loadavg();
  const platform = await BenchPlatform.start({ logLevel: args.logLevel, logDir: args.logDir, maxSockets: c, commandApiFlags: args.cpuProf ? ['--cpu-prof', '--cpu-prof-dir=.'] : [] });
  let failed = true;
  try {
    const { token, position: signedUpAt } = await platform.signUpAndLogIn();
    const s: Session = { platform, auth: { authorization: `Bearer ${token}` } };
    // The first command must see the owner's session in the read model, as any real client would.
    await platform.queryClient.expect(200, 'GET', '/v1/me', { ...s.auth, 'x-min-position': String(signedUpAt) });

    progress(`warm-up: ${args.warmup} commands, ${Math.ceil(args.warmup / 5)} visible, ${args.warmup} raw publishes`);
    const sample = await createWorkspace(s);
    const template = await commitTemplate(platform, sample.position);
    await commandPhase(s, 'warm-up commands', args.warmup, c);
    await visiblePhase(s, 'warm-up visible', Math.ceil(args.warmup / 5), c);
    await publishBaseline(platform.events.nc, template, 'warm-up publish', args.warmup, c);

    await platform.quiesce(s.auth);
    const cpu = new CpuSampler({
      'command-api': () => [platform.command.pid],
      projector: () => [platform.projector.pid],
      'query-api': () => [platform.query.pid],
      bench: () => [process.pid],
      // Both servers are shared with whatever else runs on the machine: an upper bound for this run.
      'nats-server*': () => pidsNamed('nats-server'),
      'postgres*': () => pidsNamed('postgres'),
    });
    const commands: PhaseResult[] = [];
    const publishes: PhaseResult[] = [];
    const commandCpu: Record<string, number>[] = [];
    const perRound = Math.ceil(args.commands / args.rounds);
    // Alternating the order each round spreads the machine's drift over both measurements.
    for (let round = 1; round <= args.rounds; round++) {
      const measureCommands = async () => {
        cpu.start();
        commands.push(await commandPhase(s, `commands round ${round}`, perRound, c));
        commandCpu.push(cpu.stop());
        await platform.quiesce(s.auth);
      };
      const measurePublish = async () => {
        publishes.push(await publishBaseline(platform.events.nc, template, `raw publish round ${round}`, perRound, c));
        await platform.quiesce(s.auth);
      };
      if (round % 2 === 1) await measurePublish().then(measureCommands);
      else await measureCommands().then(measurePublish);
    }
    const visible = await visiblePhase(s, 'command-to-visible', args.visible, c);
    const pg = args.skipPgBaseline ? undefined : await postgresNotifyBaseline(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ragstream', platform.db.schema, args.visible, c);
    const code = report(args, { commands, publishes, visible, pg, template, commandCpu, loadAtStart });
    failed = code !== 0;
    return code;
  } finally {
    progress('stopping apps, deleting the private stream and schema');
    await platform.close(failed || args.cpuProf);
  }
}

interface Measured {
  commands: PhaseResult[];
  publishes: PhaseResult[];
  visible: { result: PhaseResult; commandMs: number[] };
  pg?: PhaseResult;
  template: CommitTemplate;
  commandCpu: Record<string, number>[];
  loadAtStart: number[];
}

function report(args: BenchArgs, m: Measured): number {
  const cmd = summarize(m.commands);
  const pub = summarize(m.publishes);
  const vis = summarize([m.visible.result]);
  const visCmd = summarize([{ latenciesMs: m.visible.commandMs, wallMs: 0, errors: 0 }]);
  const pg = m.pg ? summarize([m.pg]) : undefined;
  const throughputRatio = cmd.perSec / pub.perSec;
  const met = {
    throughput: throughputRatio >= TARGETS.throughputRatio,
    commandP99: cmd.p99 < TARGETS.commandP99Ms,
    visibleP95: vis.p95 < TARGETS.visibleP95Ms,
  };
  const cpuMsPerCommand: Record<string, number> = {};
  for (const sample of m.commandCpu) for (const [name, ms] of Object.entries(sample)) cpuMsPerCommand[name] = (cpuMsPerCommand[name] ?? 0) + ms / cmd.count;

  const rows = [
    { figure: 'commands/s', value: cmd.perSec, baseline: pub.perSec, target: `>= ${TARGETS.throughputRatio}x`, met: met.throughput },
    { figure: 'command p50 ms', value: cmd.p50, baseline: pub.p50 },
    { figure: 'command p95 ms', value: cmd.p95, baseline: pub.p95 },
    { figure: 'command p99 ms', value: cmd.p99, baseline: pub.p99, target: `< ${TARGETS.commandP99Ms} ms`, met: met.commandP99 },
    { figure: 'visible p50 ms', value: vis.p50, baseline: pg?.p50 },
    { figure: 'visible p95 ms', value: vis.p95, baseline: pg?.p95, target: `< ${TARGETS.visibleP95Ms} ms`, met: met.visibleP95 },
    { figure: 'visible p99 ms', value: vis.p99, baseline: pg?.p99 },
    { figure: '  of which command p50 ms', value: visCmd.p50 },
  ];
  console.log(`\nRagstream command benchmark: ${cmd.count} commands, ${args.concurrency} clients, ${args.rounds} round(s); visible: ${vis.count} commands`);
  console.log(`baselines: raw JetStream publish (${m.template.bytes}-byte commit, expected last subject sequence 0, msg id)${pg ? '; Postgres insert+NOTIFY heard by a listener' : ''}`);
  console.log(table(rows));
  console.log(`CPU ms per command during the command phase (* = whole server, shared with the rest of the machine): ${Object.entries(cpuMsPerCommand).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  console.log(`errors: commands ${cmd.errors}, publishes ${pub.errors}, visible ${vis.errors}${pg ? `, postgres ${pg.errors}` : ''}; load average at start ${m.loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  const result = {
    commandsPerSec: cmd.perSec,
    commandP50Ms: cmd.p50,
    commandP95Ms: cmd.p95,
    commandP99Ms: cmd.p99,
    commandMaxMs: cmd.max,
    baselinePublishPerSec: pub.perSec,
    baselineP50Ms: pub.p50,
    baselineP95Ms: pub.p95,
    baselineP99Ms: pub.p99,
    throughputRatio,
    visibleP50Ms: vis.p50,
    visibleP95Ms: vis.p95,
    visibleP99Ms: vis.p99,
    visibleCommandP50Ms: visCmd.p50,
    pgBaselineP50Ms: pg?.p50 ?? null,
    pgBaselineP95Ms: pg?.p95 ?? null,
    pgBaselineP99Ms: pg?.p99 ?? null,
    concurrency: args.concurrency,
    commands: cmd.count,
    visibleCommands: vis.count,
    rounds: args.rounds,
    payloadBytes: m.template.bytes,
    errors: { commands: cmd.errors, publishes: pub.errors, visible: vis.errors, postgres: pg?.errors ?? 0 },
    cpuMsPerCommand,
    targets: { throughputRatio: TARGETS.throughputRatio, commandP99Ms: TARGETS.commandP99Ms, visibleP95Ms: TARGETS.visibleP95Ms },
    throughputMet: met.throughput,
    commandP99Met: met.commandP99,
    visibleP95Met: met.visibleP95,
    allTargetsMet: met.throughput && met.commandP99 && met.visibleP95,
    logLevel: args.logLevel,
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverageAtStart: m.loadAtStart,
  };
  console.log(JSON.stringify(rounded(result)));
  // Failed requests make the figures meaningless; missed targets are a result, not a failure.
  return cmd.errors + pub.errors + vis.errors + (pg?.errors ?? 0) > 0 ? 1 : 0;
}

run(parseArgs(process.argv.slice(2))).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
