import { notCaughtUp, watcherClosed } from './live-positions';

interface Waiter {
  readonly minPosition: number;
  readonly resolve: (position: number) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The live version and checkpoint of each projection, and the reads waiting for one to advance. */
export class PositionBoard {
  private readonly positions = new Map<string, { version: number; position: number }>();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private closed = false;

  /** The live version's checkpoint as last seen, or undefined for a projection never activated. */
  position(projection: string): number | undefined {
    return this.positions.get(projection)?.position;
  }

  version(projection: string): number | undefined {
    return this.positions.get(projection)?.version;
  }

  /** Records a checkpoint; within one version it never steps back, a new version is taken as it is. */
  update(projection: string, version: number, position: number): void {
    const known = this.positions.get(projection);
    const next = known?.version === version ? Math.max(known.position, position) : position;
    this.positions.set(projection, { version, position: next });
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
