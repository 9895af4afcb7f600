import { performance } from 'node:perf_hooks';
import type { PhaseResult } from './stats';

/** Progress lines go to stderr so stdout holds only the report. */
export const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/**
 * Runs `op(i)` for i in [0, total) from `concurrency` closed-loop clients: each client sends its
 * next operation as soon as the previous one answered. Every latency is recorded; a failed
 * operation counts as an error and is left out of the latencies and the throughput.
 */
export async function runClosedLoop(label: string, total: number, concurrency: number, op: (i: number) => Promise<void>): Promise<PhaseResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  let done = 0;
  const step = Math.max(1, Math.floor(total / 5));
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < total; i = next++) {
      const t0 = performance.now();
      try {
        await op(i);
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      if (++done % step === 0) progress(`${label}: ${done}/${total}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, client));
  const wallMs = performance.now() - started;
  if (errors > 0) progress(`${label}: ${errors} failed, first: ${firstError}`);
  return { latenciesMs, wallMs, errors, firstError };
}
