import type { NatsConnection } from 'nats';
import type { BuildKey } from '../build-key';
import { readCheckpoint } from '../checkpoint-store';
import type { CarefulSettings } from './careful-batch';
import { RebuildApplier } from './rebuild-applier';
import type { RebuildConnection } from './rebuild-connection';
import { ReplayReader } from './replay-reader';

export interface ReplaySettings extends CarefulSettings {
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly batchSize: number;
  /** The live build: the replay goes on until it is no more than a batch behind it. */
  readonly live: BuildKey | undefined;
  readonly signal?: AbortSignal;
  readonly streamHead: () => Promise<number>;
  readonly onCommitted: (position: number, head: number) => void;
  readonly onDeadLettered: (positions: readonly number[]) => void;
  readonly onFallback: (error: unknown) => void;
  /** Tests: runs after each batch is handed over. */
  readonly afterBatch?: (position: number) => Promise<void>;
}

/**
 * Replays the stream from the build's checkpoint to the head, then on while the live build is
 * ahead by more than a batch (writes go on meanwhile); the swap applies the rest. 'interrupted'
 * when the signal fired: everything sent is committed first, so a resume starts right after it.
 */
export async function replayToHead(connection: RebuildConnection, settings: ReplaySettings): Promise<'caught-up' | 'interrupted'> {
  const from = await readCheckpoint(connection.executor, settings.key);
  let head = await settings.streamHead();
  const applier = new RebuildApplier(connection, settings, from, {
    onCommitted: (position) => settings.onCommitted(position, head),
    onDeadLettered: settings.onDeadLettered,
    onFallback: settings.onFallback,
  });
  const reader = new ReplayReader({ nc: settings.nc, stream: settings.stream, from: from + 1, pullSize: settings.batchSize, onError: settings.onFallback });
  await reader.start();
  try {
    for (;;) {
      if (settings.signal?.aborted) {
        await applier.drain();
        return 'interrupted';
      }
      const batch = await reader.take(settings.batchSize, 200);
      const last = batch[batch.length - 1];
      if (last) {
        // Pending counts what the stream holds beyond this message: the head at no extra cost.
        head = Math.max(head, last.seq + last.info.pending);
        await applier.apply(batch);
        await settings.afterBatch?.(applier.queuedPosition);
        if (last.info.pending > 0) continue;
      } else if ((head = Math.max(head, await settings.streamHead())) > applier.queuedPosition) continue;
      await applier.drain();
      const live = settings.live ? await readCheckpoint(connection.executor, settings.live) : 0;
      if (applier.position + settings.batchSize >= live) return 'caught-up';
    }
  } finally {
    await reader.stop();
  }
}
