import { notCaughtUp, watcherClosed } from './live-positions';

interface Waiter {
  readonly minPosition: number;
  readonly resolve: (position: number) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Which build of a projection is live: `<version>.<generation>`. */
export type BuildId = string;

export const buildId = (version: number, generation: number): BuildId => `${version}.${generation}`;

/** The live build and checkpoint of each projection, and the reads waiting for one to advance. */
export class PositionBoard {
  private readonly positions = new Map<string, { build: BuildId; position: number }>();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private readonly buildListeners = new Set<(projection: string, build: BuildId) => void>();
  private closed = false;

  /** The live version's checkpoint as last seen, or undefined for a projection never activated. */
  position(projection: string): number | undefined {
    return this.positions.get(projection)?.position;
  }

  build(projection: string): BuildId | undefined {
    return this.positions.get(projection)?.build;
  }

  /** Calls `listener` whenever a projection's live build changes (its first sighting included). */
  onBuildChange(listener: (projection: string, build: BuildId) => void): () => void {
    this.buildListeners.add(listener);
    return () => this.buildListeners.delete(listener);
  }

  /**
   * Records a checkpoint; within one build it never steps back, a new build is taken as it is (a
   * swap only happens once the new build has reached the old one's checkpoint).
   */
  update(projection: string, build: BuildId, position: number): void {
    const known = this.positions.get(projection);
    const next = known?.build === build ? Math.max(known.position, position) : position;
    this.positions.set(projection, { build, position: next });
    if (known?.build !== build) for (const listener of this.buildListeners) listener(projection, build);
    const waiters = this.waiters.get(projection);
    for (const w of waiters ?? []) {
      if (w.minPosition > next) continue;
      clearTimeout(w.timer);
      waiters!.delete(w);
      w.resolve(next);
    }
  }

  /** Resolves once `projection` reaches `minPosition`; rejects READ_MODEL.NOT_CAUGHT_UP after `timeoutMs`. */
  waitFor(projection: string, minPosition: number, timeoutMs: number): Promise<number> {
    const current = this.position(projection) ?? 0;
    if (current >= minPosition) return Promise.resolve(current);
    if (this.closed) return Promise.reject(watcherClosed(projection, minPosition, current));
    if (timeoutMs <= 0) return Promise.reject(notCaughtUp(projection, minPosition, timeoutMs, current));
    const waiters = this.waiters.get(projection) ?? new Set<Waiter>();
    this.waiters.set(projection, waiters);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(notCaughtUp(projection, minPosition, timeoutMs, this.position(projection)));
      }, timeoutMs);
      const waiter: Waiter = { minPosition, resolve, reject, timer };
      waiters.add(waiter);
    });
  }

  /** Rejects every pending wait and refuses new ones; no timer is left behind. */
  close(): void {
    this.closed = true;
    for (const [projection, waiters] of this.waiters) {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(watcherClosed(projection, w.minPosition, this.position(projection)));
      }
    }
    this.waiters.clear();
  }
}
