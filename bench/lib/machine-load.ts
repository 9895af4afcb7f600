import os from 'node:os';
import type { BenchPlatform } from './bench-platform';
import { CpuSampler } from './cpu-usage';

/** How busy the machine was during a phase, and how much of it was this run's own Node processes. */
export interface MachineLoad {
  /** Percent of all CPUs' time. */
  readonly busyPct: number;
  readonly appsPct: number;
  readonly benchPct: number;
  readonly loadAverage: number[];
}

/** Runs `phase` while sampling CPU: the rest of `busyPct` is Postgres, NATS and whatever else shares the machine. */
export async function withMachineLoad<R>(platform: BenchPlatform, phase: () => Promise<R>): Promise<{ result: R; machine: MachineLoad }> {
  const loadAverage = os.loadavg();
  const sampler = new CpuSampler({
    apps: () => [platform.query.pid, platform.projector.pid, ...platform.commands.map((app) => app.pid)],
    bench: () => [process.pid],
  });
  sampler.start();
  const result = await phase();
  const s = sampler.stop();
  const pct = (ms: number | undefined) => (s['machine total'] ? (100 * (ms ?? 0)) / s['machine total'] : Number.NaN);
  return { result, machine: { busyPct: pct(s['machine busy']), appsPct: pct(s.apps), benchPct: pct(s.bench), loadAverage } };
}

/** One line for the report. */
export const machineLine = (m: MachineLoad) =>
  `machine during the phase: ${m.busyPct.toFixed(0)}% busy of ${os.availableParallelism()} CPUs (this run's apps ${m.appsPct.toFixed(0)}%, load generator ${m.benchPct.toFixed(0)}%, the rest Postgres, NATS and other work on the machine); load average at its start ${m.loadAverage.map((l) => l.toFixed(2)).join(' ')}`;
