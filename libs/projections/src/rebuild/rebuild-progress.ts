/** Where a rebuild stands, reported after every committed batch and at each phase change. */
export interface RebuildProgress {
  readonly projection: string;
  readonly version: number;
  readonly generation: number;
  readonly phase: 'replaying' | 'swapping' | 'cleaning' | 'done';
  /** The new build's checkpoint. */
  readonly position: number;
  /** The stream's last position as last seen. */
  readonly head: number;
  /** Where this run started (0, or the checkpoint of a resumed build). */
  readonly startedAt: number;
  /** Events applied by this run. */
  readonly applied: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  /** Estimated time to reach the head at the current rate; undefined before there is a rate. */
  readonly etaMs?: number;
}

/** Rate over the whole run (steadier than a window on a noisy machine) and the time to the head at that rate. */
export function measureProgress(base: Omit<RebuildProgress, 'elapsedMs' | 'eventsPerSecond' | 'etaMs' | 'applied'>, runStartedMs: number, now = Date.now()): RebuildProgress {
  const elapsedMs = Math.max(1, now - runStartedMs);
  const applied = base.position - base.startedAt;
  const eventsPerSecond = (applied * 1000) / elapsedMs;
  const remaining = Math.max(0, base.head - base.position);
  const etaMs = eventsPerSecond > 0 ? (remaining * 1000) / eventsPerSecond : undefined;
  return { ...base, applied, elapsedMs, eventsPerSecond, etaMs };
}
