import { createLogger, type Logger } from '@ragstream/observability';
import { Client } from 'pg';
import { CHECKPOINT_CHANNEL } from './checkpoint-store';
import { LIVE_POSITIONS_SQL, notCaughtUp, parseCheckpointNotice, watcherClosed } from './live-positions';

export interface CheckpointWatcherOptions {
  /** The Postgres connection string the data source uses. */
  readonly connectionString: string;
  /** The deployment's schema: the registry lives there, and notices from other schemas are ignored. */
  readonly schema: string;
  /** Safety-net re-read, for notices lost with a dropped connection. */
  readonly pollIntervalMs?: number;
  /** Shows in pg_stat_activity; tests use a unique one to find (and kill) this connection. */
  readonly applicationName?: string;
  readonly logger?: Logger;
}

interface Waiter {
  readonly minPosition: number;
  readonly resolve: (position: number) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Read-your-writes: follows the live checkpoints over LISTEN/NOTIFY so a query can wait for a position. */
export class CheckpointWatcher {
  private readonly positions = new Map<string, { version: number; position: number }>();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private readonly logger: Logger;
  private client?: Client;
  private poller?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private refreshing?: Promise<void>;
  private refreshAgain = false;
  private closed = false;

  constructor(private readonly options: CheckpointWatcherOptions) {
    this.logger = options.logger ?? createLogger('checkpoint-watcher');
  }

  /** Connects, listens and reads the current positions; waitFor is accurate once this resolves. */
  async start(): Promise<void> {
    await this.connect();
    await this.refresh();
    this.poller = setInterval(() => void this.tick(), this.options.pollIntervalMs ?? 250);
    this.poller.unref();
  }

  /** The live version's checkpoint as last seen, or undefined for a projection never activated. */
  position(projection: string): number | undefined {
    return this.positions.get(projection)?.position;
  }

  /** Resolves with the position once `projection` has applied `minPosition`; rejects READ_MODEL.NOT_CAUGHT_UP after `timeoutMs`. */
  waitFor(projection: string, minPosition: number, timeoutMs: number): Promise<number> {
    const current = this.position(projection) ?? 0;
    if (current >= minPosition) return Promise.resolve(current);
    if (this.closed) return Promise.reject(watcherClosed(projection, minPosition, current));
    if (timeoutMs <= 0) return Promise.reject(notCaughtUp(projection, minPosition, timeoutMs, current));
    return new Promise((resolve, reject) => {
      const waiters = this.waiters.get(projection) ?? new Set<Waiter>();
      this.waiters.set(projection, waiters);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(notCaughtUp(projection, minPosition, timeoutMs, this.position(projection)));
      }, timeoutMs);
      const waiter: Waiter = { minPosition, resolve, reject, timer };
      waiters.add(waiter);
    });
  }

  /** Ends the connection and the poll timer; pending waiters are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.poller);
    for (const [projection, waiters] of this.waiters) {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(watcherClosed(projection, w.minPosition, this.position(projection)));
      }
    }
    this.waiters.clear();
    await this.ticking;
    await this.refreshing?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const { connectionString, schema, applicationName } = this.options;
    const client = new Client({
      connectionString,
      options: `-c search_path=${schema},public`,
      application_name: applicationName ?? 'ragstream-checkpoint-watcher',
    });
    client.on('notification', (message) => this.onNotice(message.payload));
    client.on('error', (error) => this.drop(client, error));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHECKPOINT_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) await client.end().catch(() => undefined);
    else this.client = client;
  }

  private drop(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (!this.closed) this.logger.warn({ err: error }, 'checkpoint listener connection lost; reconnecting on the next poll');
    client.end().catch(() => undefined);
  }

  private tick(): Promise<void> {
    if (this.closed || this.ticking) return Promise.resolve();
    this.ticking = (async () => {
      try {
        if (!this.client) await this.connect();
        await this.refresh();
      } catch (error) {
        if (!this.closed) this.logger.warn({ err: error }, 'checkpoint poll failed');
      } finally {
        this.ticking = undefined;
      }
    })();
    return this.ticking;
  }

  private onNotice(payload: string | undefined): void {
    const notice = parseCheckpointNotice(payload);
    if (!notice || notice.schema !== this.options.schema) return;
    const known = this.positions.get(notice.projection);
    // A notice for another version may be a swap (or just a rebuild): the registry decides.
    if (known?.version === notice.version) this.update(notice.projection, notice.version, notice.position);
    else this.refresh().catch((error) => this.logger.warn({ err: error }, 'checkpoint refresh failed'));
  }

  /** Re-reads the live positions; calls arriving meanwhile are folded into one more read. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.readLivePositions();
        } while (this.refreshAgain && !this.closed);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private async readLivePositions(): Promise<void> {
    if (!this.client || this.closed) return;
    const { rows } = await this.client.query(LIVE_POSITIONS_SQL);
    for (const row of rows) this.update(row.projection, Number(row.version), Number(row.position));
  }

  private update(projection: string, version: number, position: number): void {
    const known = this.positions.get(projection);
    // Same version: never step back (a slow read may trail a notice). New version: take it as it is.
    const next = known?.version === version ? Math.max(known.position, position) : position;
    this.positions.set(projection, { version, position: next });
    const waiters = this.waiters.get(projection);
    if (!waiters) return;
    for (const w of waiters) {
      if (w.minPosition > next) continue;
      clearTimeout(w.timer);
      waiters.delete(w);
      w.resolve(next);
    }
  }
}
