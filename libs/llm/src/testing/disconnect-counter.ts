import type { ServerResponse } from 'node:http';

/** Counts responses whose client closed the connection before they were complete, and lets tests wait for that. */
export class DisconnectCounter {
  count = 0;
  private readonly ignored = new WeakSet<ServerResponse>();
  private waiters: { count: number; resolve: () => void }[] = [];
  private counting = true;

  /** Follows `res`; a close before the response finished counts, unless the server itself cut it. */
  watch(res: ServerResponse): void {
    res.once('close', () => {
      if (res.writableFinished || !this.counting || this.ignored.has(res)) return;
      this.count++;
      this.waiters = this.waiters.filter((w) => (w.count <= this.count ? (w.resolve(), false) : true));
    });
  }

  /** The server is about to cut `res` on purpose. */
  ignore(res: ServerResponse): void {
    this.ignored.add(res);
  }

  /** Connections dropped while the server shuts down are not clients leaving. */
  stopCounting(): void {
    this.counting = false;
  }

  /** Resolves once `count` disconnects were seen; rejects after `timeoutMs` with what was seen. */
  when(count: number, timeoutMs: number): Promise<void> {
    if (this.count >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} client disconnects within ${timeoutMs} ms, saw ${this.count}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}
