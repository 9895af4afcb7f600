import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// Linux reports utime/stime in clock ticks; 100 Hz on every mainstream kernel build.
const TICK_MS = 10;

function cpuMsOf(pid: number): number | undefined {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** Busy and stolen CPU ms of the whole machine so far (all CPUs), from /proc/stat. */
export function machineCpuMs(): { busy: number; steal: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    // cpu user nice system idle iowait irq softirq steal ...
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = user + nice + system + irq + softirq;
    return { busy: busy * TICK_MS, steal: steal * TICK_MS, total: (busy + idle + iowait + steal) * TICK_MS };
  } catch {
    return undefined;
  }
}

/** Pids of every process with this exact name (read only, for CPU accounting). */
export function pidsNamed(name: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', name], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU time that groups of processes spent between start() and stop(), in ms (Linux /proc; empty
 * elsewhere). A process that appears in between counts with its whole lifetime, one that ends in
 * between is missed: close enough for pooled connections and long-running servers.
 */
export class CpuSampler {
  private before = new Map<string, Map<number, number>>();
  private machineBefore?: ReturnType<typeof machineCpuMs>;

  constructor(private readonly groups: Record<string, () => number[]>) {}

  start(): void {
    this.before = new Map(Object.entries(this.groups).map(([name, pids]) => [name, this.read(pids())]));
    this.machineBefore = machineCpuMs();
  }

  /** Per group; plus `machine busy`, `machine steal` and `machine total` (CPU ms of all CPUs). */
  stop(): Record<string, number> {
    const out: Record<string, number> = {};
    const machine = machineCpuMs();
    if (machine && this.machineBefore) {
      out['machine busy'] = machine.busy - this.machineBefore.busy;
      out['machine steal'] = machine.steal - this.machineBefore.steal;
      out['machine total'] = machine.total - this.machineBefore.total;
    }
    for (const [name, pids] of Object.entries(this.groups)) {
      const start = this.before.get(name) ?? new Map();
      let total = 0;
      for (const [pid, ms] of this.read(pids())) total += ms - (start.get(pid) ?? 0);
      out[name] = total;
    }
    return out;
  }

  private read(pids: number[]): Map<number, number> {
    const out = new Map<number, number>();
    for (const pid of pids) {
      const ms = pid === process.pid ? selfMs() : cpuMsOf(pid);
      if (ms !== undefined) out.set(pid, ms);
    }
    return out;
  }
}

function selfMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
