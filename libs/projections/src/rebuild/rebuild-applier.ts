import type { StreamMessage } from '../apply-message';
import { prepareOutsideTransaction } from '../batch-preparation';
import { readCheckpoint } from '../checkpoint-store';
import { applyCarefully, type CarefulSettings } from './careful-batch';
import { FastPath, sendFastBatch } from './fast-batch';
import type { RebuildConnection } from './rebuild-connection';

export interface RebuildApplierEvents {
  /** A batch committed; `position` is the build's checkpoint now. */
  onCommitted?(position: number, events: number): void;
  /** Positions dead-lettered for this build. */
  onDeadLettered?(positions: readonly number[]): void;
  /** A fast batch was rolled back and rerun one savepoint per message, and why. */
  onFallback?(error: unknown): void;
}

interface InFlight {
  readonly messages: readonly StreamMessage[];
  readonly committed: Promise<unknown>;
  readonly position: number;
}

/**
 * Applies a rebuild's batches with at most one in flight: while Postgres commits batch k, batch
 * k+1 is decoded and applied into queued statements. A batch that fails (a poison message, a read
 * of a queued result, any database error) is rolled back together with whatever was sent behind
 * it and rerun on the careful path, which dead-letters what keeps failing. A database failure on
 * the careful path throws: the caller restarts from the checkpoint.
 */
export class RebuildApplier {
  private inFlight?: InFlight;
  private queuedTo: number;
  private readonly fast: FastPath;

  constructor(
    private readonly connection: RebuildConnection,
    private readonly settings: CarefulSettings,
    private committedTo: number,
    private readonly events: RebuildApplierEvents = {},
  ) {
    this.queuedTo = committedTo;
    this.fast = FastPath.of(connection);
  }

  /** The checkpoint as last committed. */
  get position(): number {
    return this.committedTo;
  }

  /** The last position handed to Postgres, committed or in flight. */
  get queuedPosition(): number {
    return this.queuedTo;
  }

  /** Takes one batch in position order; resolves once it is sent and the batch before it committed. */
  async apply(messages: readonly StreamMessage[]): Promise<void> {
    const fresh = messages.filter((m) => m.seq > this.queuedTo);
    if (fresh.length === 0) return;
    const { projection, registry } = this.settings;
    // Outside any transaction; when it throws (an embedding API down) the caller retries from the checkpoint.
    const prepared = await prepareOutsideTransaction(projection, registry, fresh, 0);
    let sent: InFlight | undefined;
    let fastFailure: unknown;
    try {
      sent = { messages: fresh, ...(await sendFastBatch(this.fast, this.settings, fresh, prepared, this.queuedTo)) };
    } catch (error) {
      fastFailure = error;
    }
    const previous = this.inFlight;
    this.inFlight = undefined;
    if (!(await this.settle(previous))) {
      // Everything sent behind a failed batch fails with it (its transaction is aborted or its checkpoint guard trips).
      await sent?.committed.catch(() => undefined);
      return this.recover([...previous!.messages, ...fresh], prepared);
    }
    if (!sent) {
      this.events.onFallback?.(fastFailure);
      return this.recover(fresh, prepared);
    }
    this.inFlight = sent;
    this.queuedTo = sent.position;
  }

  /** Waits for the batch in flight; the checkpoint is then everything applied. */
  async drain(): Promise<void> {
    const previous = this.inFlight;
    this.inFlight = undefined;
    if (!(await this.settle(previous))) await this.recover(previous!.messages, new Map());
  }

  /** Waits for `batch` to commit; false when it failed. */
  private async settle(batch: InFlight | undefined): Promise<boolean> {
    if (!batch) return true;
    try {
      await batch.committed;
    } catch (error) {
      this.events.onFallback?.(error);
      return false;
    }
    this.committedTo = batch.position;
    this.events.onCommitted?.(this.committedTo, batch.messages.length);
    return true;
  }

  /** Rolls back whatever is open, then applies every message after the real checkpoint one savepoint each. */
  private async recover(messages: readonly StreamMessage[], prepared: ReadonlyMap<number, unknown>): Promise<void> {
    await this.connection.query('ROLLBACK'); // only a warning when nothing is open
    this.fast.batchFunction.forget();
    const checkpoint = await readCheckpoint(this.connection.executor, this.settings.key);
    const remaining = messages.filter((m) => m.seq > checkpoint);
    const { projection, registry } = this.settings;
    const unprepared = remaining.filter((m) => !prepared.has(m.seq));
    const all = new Map([...prepared, ...(await prepareOutsideTransaction(projection, registry, unprepared, 0))]);
    const outcome = await this.connection.transaction((sql) => applyCarefully(sql, this.settings, remaining, all));
    if (outcome.deadLettered.length) this.events.onDeadLettered?.(outcome.deadLettered);
    this.committedTo = this.queuedTo = outcome.position;
    this.events.onCommitted?.(outcome.position, remaining.length);
  }
}
