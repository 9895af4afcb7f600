/** Latencies (ms) and wall time of one measured phase. */
export interface PhaseResult {
  readonly latenciesMs: number[];
  readonly wallMs: number;
  readonly errors: number;
  readonly firstError?: string;
}

export interface Summary {
  readonly count: number;
  readonly errors: number;
  readonly perSec: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Merges phases (e.g. the rounds of one measurement): throughput over their summed wall time. */
export function summarize(phases: readonly PhaseResult[]): Summary {
  const sorted = phases.flatMap((p) => p.latenciesMs).sort((a, b) => a - b);
  const wallMs = phases.reduce((sum, p) => sum + p.wallMs, 0);
  return {
    count: sorted.length,
    errors: phases.reduce((sum, p) => sum + p.errors, 0),
    perSec: wallMs > 0 ? (sorted.length * 1000) / wallMs : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Rounds to two decimals for printing and for the JSON line. */
export const round2 = (n: number) => Math.round(n * 100) / 100;
