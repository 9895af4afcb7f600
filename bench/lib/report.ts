import { round2 } from './stats';

export interface Row {
  readonly figure: string;
  readonly value: number;
  readonly baseline?: number;
  /** value / baseline unless given. */
  readonly ratio?: number;
  readonly target?: string;
  readonly met?: boolean;
}

const cell = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : String(round2(v)));

/** A fixed-width table: figure, value, baseline, ratio, target, met?. */
export function table(rows: readonly Row[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'met?'];
  const lines = rows.map((r) => [
    r.figure,
    cell(r.value),
    cell(r.baseline),
    r.ratio !== undefined ? `${cell(r.ratio)}x` : r.baseline ? `${cell(r.value / r.baseline)}x` : '-',
    r.target ?? '-',
    r.met === undefined ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/** Rounds every number in a (nested) record, for the JSON line. */
export function rounded<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? round2(value) : null) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  return value;
}
