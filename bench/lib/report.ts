import { round2 } from './stats';

export interface Row {
  readonly figure: string;
  readonly value: number;
  readonly baseline?: number;
  /** value / baseline unless given. */
  readonly ratio?: number;
  readonly target?: string;
  readonly met?: boolean;
  /** Decimals shown; 2 unless given (scores between 0 and 1 need more). */
  readonly digits?: number;
}

const cell = (v: number | undefined, digits = 2) => (v === undefined || Number.isNaN(v) ? '-' : digits === 2 ? String(round2(v)) : v.toFixed(digits));

/** A fixed-width table: figure, value, baseline, ratio, target, met?. */
export function table(rows: readonly Row[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'met?'];
  const lines = rows.map((r) => [
    r.figure,
    cell(r.value, r.digits),
    cell(r.baseline, r.digits),
    r.ratio !== undefined ? `${cell(r.ratio)}x` : r.baseline ? `${cell(r.value / r.baseline)}x` : '-',
    r.target ?? '-',
    r.met === undefined ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/** Rounds every number in a (nested) record to `digits` decimals (2 by default), for the JSON line. */
export function rounded<T>(value: T, digits = 2): T {
  const scale = 10 ** digits;
  if (typeof value === 'number') return (Number.isFinite(value) ? Math.round(value * scale) / scale : null) as T;
  if (Array.isArray(value)) return value.map((v) => rounded(v, digits)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v, digits)])) as T;
  return value;
}
