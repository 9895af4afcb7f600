import { createLogger, type Logger } from '@ragstream/observability';
import { Client } from 'pg';
import { CHECKPOINT_CHANNEL } from './checkpoint-store';
import { LIVE_POSITIONS_SQL, parseCheckpointNotice } from './live-positions';
import { PositionBoard, buildId, type BuildId } from './position-board';

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

/** Read-your-writes: follows the live checkpoints over LISTEN/NOTIFY so a query can wait for a position. */
export class CheckpointWatcher {
  private readonly board = new PositionBoard();
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
    return this.board.position(projection);
  }

  /** The live build (`<version>.<generation>`) as last seen. */
  liveBuild(projection: string): BuildId | undefined {
    return this.board.build(projection);
  }

  /** Calls `listener` when a projection's live build changes: how a projector learns of a swap. */
  onLiveBuildChange(listener: (projection: string, build: BuildId) => void): () => void {
    return this.board.onBuildChange(listener);
  }

  /** Resolves with the position once `projection` has applied `minPosition`; rejects READ_MODEL.NOT_CAUGHT_UP after `timeoutMs`. */
  waitFor(projection: string, minPosition: number, timeoutMs: number): Promise<number> {
    return this.board.waitFor(projection, minPosition, timeoutMs);
  }

  /** Ends the connection and the poll timer; pending waiters are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.poller);
    this.board.close();
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
    // A notice for another build may be a swap (or just a rebuild): the registry decides.
    const build = buildId(notice.version, notice.generation);
    if (this.board.build(notice.projection) === build) this.board.update(notice.projection, build, notice.position);
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
    for (const row of rows) this.board.update(row.projection, buildId(Number(row.version), Number(row.generation)), Number(row.position));
  }
}
