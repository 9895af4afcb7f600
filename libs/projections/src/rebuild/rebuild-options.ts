import type { EventRegistry } from '@ragstream/contracts';
import type { Logger } from '@ragstream/observability';
import type { NatsConnection } from 'nats';
import type { BuildKey } from '../build-key';
import type { Projection } from '../projection';
import type { RebuildProgress } from './rebuild-progress';

export interface RebuildOptions {
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly connectionString: string;
  readonly schema: string;
  readonly projection: Projection;
  readonly registry: EventRegistry;
  /** Recorded on the build and named to anyone refused the lock, e.g. `ragstream-admin alice@ops-1 pid 4242`. */
  readonly startedBy: string;
  /** Continue the unfinished generation from its checkpoint instead of starting a new one. */
  readonly resume?: boolean;
  /** Keep the replaced build's tables after the swap. */
  readonly keepOld?: boolean;
  /** Events per transaction. */
  readonly batchSize?: number;
  readonly maxAttempts?: number;
  /** max_ack_pending of the new build's live consumer (the projector's PROJECTION_BATCH_SIZE). */
  readonly consumerBatchSize?: number;
  /** Aborting stops the replay after the batch in flight commits; the build can be resumed. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly logger?: Logger;
  readonly hooks?: { afterBatch?(position: number): Promise<void> };
}

export interface RebuildResult {
  readonly projection: string;
  readonly version: number;
  readonly generation: number;
  readonly fingerprint: string | null;
  readonly outcome: 'swapped' | 'interrupted';
  readonly resumed: boolean;
  /** Where this run started and ended. */
  readonly from: number;
  readonly position: number;
  readonly applied: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  /** Positions the swap transaction applied itself (what the live build had beyond the replay). */
  readonly caughtUpInSwap: number;
  readonly deadLettered: readonly number[];
  /** Batches rolled back and rerun one message at a time (a poison message, a read of a queued result, a database error). */
  readonly fallbacks: number;
  readonly previous: BuildKey | null;
  readonly oldTables: 'dropped' | 'kept' | 'none';
}
