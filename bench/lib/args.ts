import { integerFlag, parseFlags } from './bench-flags';

/** Benchmark settings from `--name value` / `--name=value` flags; unknown flags are refused, other benchmarks' skipped. */
export interface BenchArgs {
  readonly commands: number;
  readonly concurrency: number;
  readonly visible: number;
  readonly warmup: number;
  readonly rounds: number;
  /** Log level of the app processes; `warn` keeps the per-request access log out of the measurement. */
  readonly logLevel: string;
  /** Skip the optional Postgres insert + NOTIFY baseline of the visible path. */
  readonly skipPgBaseline: boolean;
  /** Where the apps' logs (and CPU profiles, with --cpu-prof) go; a temp directory otherwise. */
  readonly logDir?: string;
  /** Run every app with `--cpu-prof`; the profiles stay in the log directory. */
  readonly cpuProf: boolean;
  /** Keep the projector running during the throughput phases instead of pausing it. */
  readonly projectorLive: boolean;
  /** command-api processes behind a round-robin client. */
  readonly commandInstances: number;
}

const defaults: BenchArgs = {
  commands: 5000,
  concurrency: 32,
  visible: 500,
  warmup: 500,
  rounds: 2,
  logLevel: 'warn',
  skipPgBaseline: false,
  cpuProf: false,
  projectorLive: false,
  commandInstances: 1,
};

const numeric = new Set(['commands', 'concurrency', 'visible', 'warmup', 'rounds', 'commandInstances']);

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: Record<string, unknown> = { ...defaults };
  for (const [flag, value] of parseFlags('commands', argv)) {
    const name = camel(flag);
    out[name] = numeric.has(name) ? integerFlag(flag, value, name === 'warmup' ? 0 : 1) : value;
  }
  return out as unknown as BenchArgs;
}
