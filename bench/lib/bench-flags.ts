// Every benchmark's flags in one place: `npm run bench` without a NAME hands the same flags to
// every benchmark (scripts/bench.sh), so each one skips flags that belong to another benchmark
// and still refuses a flag that no benchmark knows (a typo).
import { progress } from './load';

export type Arity = 'value' | 'switch';

export const BENCH_FLAGS: Readonly<Record<string, Readonly<Record<string, Arity>>>> = {
  commands: {
    commands: 'value',
    concurrency: 'value',
    visible: 'value',
    warmup: 'value',
    rounds: 'value',
    'log-level': 'value',
    'log-dir': 'value',
    'cpu-prof': 'switch',
    'skip-pg-baseline': 'switch',
    'projector-live': 'switch',
    'command-instances': 'value',
  },
  rebuild: { rebuild: 'switch', events: 'value', 'batch-size': 'value', 'publish-window': 'value' },
  search: {
    dataset: 'value',
    concurrency: 'value',
    'limit-docs': 'value',
    'limit-queries': 'value',
    'scale-chunks': 'value',
    'max-ingest-seconds': 'value',
    'log-level': 'value',
    'log-dir': 'value',
  },
};

function foreignArity(bench: string, flag: string): Arity | undefined {
  for (const [name, flags] of Object.entries(BENCH_FLAGS)) if (name !== bench && flags[flag]) return flags[flag];
  return undefined;
}

/** `--name value`, `--name=value` and switches of `bench`, by flag name; another benchmark's flags are skipped with a note. */
export function parseFlags(bench: string, argv: readonly string[]): Map<string, string | boolean> {
  const own = BENCH_FLAGS[bench];
  const out = new Map<string, string | boolean>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument ${argv[i]}`);
    const [, flag, inline] = match;
    const arity = own[flag] ?? foreignArity(bench, flag);
    if (!arity) throw new Error(`unknown flag --${flag}; the ${bench} benchmark takes ${Object.keys(own).map((f) => `--${f}`).join(' ')}`);
    let value: string | boolean;
    if (arity === 'switch') value = inline === undefined ? true : inline !== 'false';
    else {
      value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${flag} needs a value`);
    }
    if (own[flag]) out.set(flag, value);
    else progress(`--${flag} belongs to another benchmark; ${bench} ignores it`);
  }
  return out;
}

/** An integer flag value at or above `min`. */
export function integerFlag(flag: string, value: string | boolean, min: number): number {
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(n) || n < min) throw new Error(`--${flag} must be an integer >= ${min}, got ${String(value)}`);
  return n;
}
