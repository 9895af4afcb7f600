/** Benchmark settings from `--name value` / `--name=value` flags; unknown flags are refused. */
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
const flags = new Set(['skipPgBaseline', 'cpuProf', 'projectorLive']);

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: Record<string, unknown> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument ${argv[i]}`);
    const name = camel(match[1]);
    if (!(name in defaults) && name !== 'logDir') throw new Error(`unknown flag --${match[1]}`);
    if (flags.has(name)) {
      out[name] = match[2] === undefined ? true : match[2] !== 'false';
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    if (numeric.has(name)) {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < (name === 'warmup' ? 0 : 1)) throw new Error(`--${match[1]} must be a positive integer`);
      out[name] = n;
    } else out[name] = value;
  }
  return out as unknown as BenchArgs;
}
