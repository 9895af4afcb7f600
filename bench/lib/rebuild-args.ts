import { parseFlags } from './bench-flags';

/** Settings of the rebuild benchmark from `--name value` / `--name=value` flags; another benchmark's flags are skipped. */
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
  for (const [flag, raw] of parseFlags('rebuild', argv)) {
    // `npm run bench -- --rebuild` selects this benchmark; the switch itself carries nothing.
    if (flag === 'rebuild') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${flag} must be a positive integer`);
    out[camel(flag)] = value;
  }
  return out as unknown as RebuildBenchArgs;
}
