import os from 'node:os';
import type { BenchArgs } from './args';
import type { CommitTemplate } from './jetstream-baseline';
import { rounded, table } from './report';
import { summarize, type PhaseResult } from './stats';
import type { VisibleResult } from './workspace-phases';

export const TARGETS = { throughputRatio: 0.5, commandP99Ms: 25, visibleP95Ms: 50 };

export interface Measured {
  readonly commands: PhaseResult[];
  readonly publishes: PhaseResult[];
  readonly floor: PhaseResult[];
  readonly visible: VisibleResult;
  readonly pg?: PhaseResult;
  readonly template: CommitTemplate;
  readonly commandCpu: Record<string, number>[];
  readonly publishCpu: Record<string, number>[];
  readonly floorCpu: Record<string, number>[];
  readonly loadAtStart: number[];
}

const MACHINE = ['machine busy', 'machine steal', 'machine total'];

/** Summed CPU ms of each process group over the phases, divided by the operations done. */
function perOperation(samples: Record<string, number>[], operations: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const sample of samples) {
    for (const [name, ms] of Object.entries(sample)) if (!MACHINE.includes(name)) out[name] = (out[name] ?? 0) + ms / operations;
  }
  return out;
}

/** How busy the whole machine was, and how much of that was none of the processes we account for. */
function machineLoad(samples: Record<string, number>[]) {
  const sum = (name: string) => samples.reduce((total, s) => total + (s[name] ?? 0), 0);
  const total = sum('machine total');
  if (total === 0) return undefined;
  const accounted = samples.reduce((t, s) => t + Object.entries(s).reduce((u, [k, v]) => (MACHINE.includes(k) ? u : u + v), 0), 0);
  return { busyPct: (100 * sum('machine busy')) / total, stealPct: (100 * sum('machine steal')) / total, otherPct: (100 * Math.max(0, sum('machine busy') - accounted)) / total };
}

const cpuLine = (figures: Record<string, number>) => Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');

/** Prints the table and the closing JSON line; 1 when any operation failed (the figures are then void). */
export function report(args: BenchArgs, m: Measured): number {
  const cmd = summarize(m.commands);
  const pub = summarize(m.publishes);
  const floor = summarize(m.floor);
  const vis = summarize([m.visible.phase]);
  const part = (ms: number[]) => summarize([{ latenciesMs: ms, wallMs: 0, errors: 0 }]);
  const [visCmd, visProjected] = [part(m.visible.commandMs), part(m.visible.projectedMs)];
  const pg = m.pg ? summarize([m.pg]) : undefined;
  const throughputRatio = cmd.perSec / pub.perSec;
  const met = { throughput: throughputRatio >= TARGETS.throughputRatio, commandP99: cmd.p99 < TARGETS.commandP99Ms, visibleP95: vis.p95 < TARGETS.visibleP95Ms };
  const cpuMsPerCommand = perOperation(m.commandCpu, cmd.count);
  const cpuMsPerPublish = perOperation(m.publishCpu, pub.count);
  const floorCpuMs = perOperation(m.floorCpu, floor.count)['command-api'] ?? Number.NaN;
  const [loadCommands, loadPublish] = [machineLoad(m.commandCpu), machineLoad(m.publishCpu)];

  const instances = args.commandInstances > 1 ? ` over ${args.commandInstances} command-api processes` : '';
  const projector = args.projectorLive ? 'running' : 'paused';
  console.log(`\nRagstream command benchmark: ${cmd.count} commands${instances}, ${args.concurrency} clients, ${args.rounds} round(s), projector ${projector} during throughput phases; visible: ${vis.count} commands`);
  console.log(`baselines: raw JetStream publish (${m.template.bytes}-byte commit, expected last subject sequence 0, msg id)${pg ? '; Postgres insert+NOTIFY heard by a listener' : ''}`);
  console.log(
    table([
      { figure: 'commands/s', value: cmd.perSec, baseline: pub.perSec, target: `>= ${TARGETS.throughputRatio}x`, met: met.throughput },
      { figure: 'command p50 ms', value: cmd.p50, baseline: pub.p50 },
      { figure: 'command p95 ms', value: cmd.p95, baseline: pub.p95 },
      { figure: 'command p99 ms', value: cmd.p99, baseline: pub.p99, target: `< ${TARGETS.commandP99Ms} ms`, met: met.commandP99 },
      { figure: 'http floor req/s', value: floor.perSec, baseline: pub.perSec },
      { figure: 'http floor p99 ms', value: floor.p99, baseline: pub.p99 },
      { figure: 'visible p50 ms', value: vis.p50, baseline: pg?.p50 },
      { figure: 'visible p95 ms', value: vis.p95, baseline: pg?.p95, target: `< ${TARGETS.visibleP95Ms} ms`, met: met.visibleP95 },
      { figure: 'visible p99 ms', value: vis.p99, baseline: pg?.p99 },
    ]),
  );
  const split = (name: string, s: { p50: number; p95: number }) => `${name} ${s.p50.toFixed(1)}/${s.p95.toFixed(1)}`;
  console.log(`visible, from sending, p50/p95 ms: ${split('command answered', visCmd)}, ${split('checkpoint heard by a listener', visProjected)}, ${split('GET answered', vis)}`);
  const load = (l: ReturnType<typeof machineLoad>) => (l ? `machine busy ${l.busyPct.toFixed(0)}%, steal ${l.stealPct.toFixed(0)}%, outside the processes above ${l.otherPct.toFixed(0)}%` : 'machine load unknown');
  console.log(`CPU ms per command: ${cpuLine(cpuMsPerCommand)}; ${load(loadCommands)}`);
  console.log(`CPU ms per raw publish: ${cpuLine(cpuMsPerPublish)}; ${load(loadPublish)}`);
  console.log(`command-api CPU ms per GET /healthz (the HTTP floor): ${floorCpuMs.toFixed(2)}`);
  console.log(`(* = the whole server, shared with anything else on the machine; % of all ${os.availableParallelism()} CPUs)`);
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
    httpFloorPerSec: floor.perSec,
    httpFloorP50Ms: floor.p50,
    httpFloorP99Ms: floor.p99,
    httpFloorCpuMs: floorCpuMs,
    visibleP50Ms: vis.p50,
    visibleP95Ms: vis.p95,
    visibleP99Ms: vis.p99,
    visibleCommandP50Ms: visCmd.p50,
    visibleCommandP95Ms: visCmd.p95,
    visibleCheckpointP50Ms: visProjected.p50,
    visibleCheckpointP95Ms: visProjected.p95,
    pgBaselineP50Ms: pg?.p50 ?? null,
    pgBaselineP95Ms: pg?.p95 ?? null,
    pgBaselineP99Ms: pg?.p99 ?? null,
    concurrency: args.concurrency,
    commands: cmd.count,
    visibleCommands: vis.count,
    rounds: args.rounds,
    payloadBytes: m.template.bytes,
    errors: { commands: cmd.errors, publishes: pub.errors, httpFloor: floor.errors, visible: vis.errors, postgres: pg?.errors ?? 0 },
    cpuMsPerCommand,
    cpuMsPerPublish,
    machineDuringCommands: loadCommands ?? null,
    machineDuringPublish: loadPublish ?? null,
    commandInstances: args.commandInstances,
    projectorDuringThroughput: projector,
    targets: TARGETS,
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
  return cmd.errors + pub.errors + floor.errors + vis.errors + (pg?.errors ?? 0) > 0 ? 1 : 0;
}
