/** Settings of the rebuild benchmark from `--name value` / `--name=value` flags; unknown flags are refused. */
export interface RebuildBenchArgs {
  /** Commits in the stream (one workspace.created event each). */
  readonly events: number;
  /** Events per transaction, for the rebuild and the insert baseline alike. */
  readonly batchSize: number;
  /** Publishes between flushes while filling the stream. */
  readonly publishWindow: number;
}

const defaults: RebuildBenchArgs = { events: 1_000_000, batchSize: 1000, publishWindow: 4000 };
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function parseRebuildArgs(argv: readonly string[]): RebuildBenchArgs {
  const out: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument ${argv[i]}`);
    const name = camel(match[1]);
    // `npm run bench -- --rebuild` selects this benchmark; the flag itself carries nothing.
    if (name === 'rebuild') continue;
    if (!(name in defaults)) throw new Error(`unknown flag --${match[1]} (known: --events, --batch-size, --publish-window)`);
    const value = Number(match[2] ?? argv[++i]);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${match[1]} must be a positive integer`);
    out[name] = value;
  }
  return out as unknown as RebuildBenchArgs;
}
