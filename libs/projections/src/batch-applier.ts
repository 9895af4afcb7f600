import type { EventRegistry } from '@ragstream/contracts';
import type { JsMsg } from 'nats';
import type { DataSource } from 'typeorm';
import { prepareOutsideTransaction } from './batch-preparation';
import { buildKey, type BuildKey } from './build-key';
import { lockCheckpointIfCurrent, readCheckpoint, saveCheckpoint } from './checkpoint-store';
import { describeRawCommit, recordDeadLetter } from './dead-letters/dead-letter';
import { attemptInSavepoint } from './message-attempt';
import type { Projection } from './projection';
import { describeError, isTransientError } from './projection-failure';
import { inTransaction } from './sql-transaction';
import { tableNames } from './table-names';

export interface BatchSettings {
  readonly dataSource: DataSource;
  readonly projection: Projection;
  /** The build written to; 1 unless a rebuild made another generation live. */
  readonly generation?: number;
  readonly registry: EventRegistry;
  readonly maxAttempts: number;
}

export interface BatchOutcome {
  /** Committed messages (applied, already applied, or dead-lettered): ack them. */
  readonly done: JsMsg[];
  /** Messages to hand back, in order, for a later delivery: nak them with a delay. */
  readonly retry: JsMsg[];
  /** The checkpoint after the batch. */
  readonly position: number;
  /** Why the batch stopped early: an earlier position is missing, a message failed, or the build was swapped out. */
  readonly stoppedBy?: { readonly reason: 'gap' | 'failure' | 'retired'; readonly position: number; readonly error?: string };
  readonly deadLettered: readonly { readonly position: number; readonly error: string }[];
}

/**
 * Applies messages in position order in one transaction that also moves the checkpoint. The caller
 * acks `done` only after this resolves, i.e. after the commit.
 */
export async function applyBatch(settings: BatchSettings, delivered: readonly JsMsg[]): Promise<BatchOutcome> {
  const { projection, registry } = settings;
  const key = buildKey(projection, settings.generation ?? 1);
  // Redeliveries can arrive after later messages; in position order they may close a gap in the same batch.
  const messages = [...delivered].sort((a, b) => a.seq - b.seq);
  const t = tableNames(projection, key.generation);
  // Read without a lock: a position applied meanwhile is merely prepared for nothing.
  const prepared = projection.prepare
    ? await prepareOutsideTransaction(projection, registry, messages, await readCheckpoint(settings.dataSource, key))
    : undefined;
  return inTransaction(settings.dataSource, async (sql) => {
    const { position: checkpoint, retired } = await lockCheckpointIfCurrent(sql, key);
    if (retired) return { done: [], retry: messages, position: checkpoint, stoppedBy: { reason: 'retired', position: checkpoint + 1 }, deadLettered: [] };
    let position = checkpoint;
    const done: JsMsg[] = [];
    const deadLettered: { position: number; error: string }[] = [];
    let stoppedBy: BatchOutcome['stoppedBy'];
    for (const message of messages) {
      if (message.seq <= position) {
        done.push(message);
        continue;
      }
      if (message.seq > position + 1) {
        // Another instance holds the earlier positions; they must land first.
        stoppedBy = { reason: 'gap', position: position + 1 };
        break;
      }
      const failure = await attemptInSavepoint(sql, projection, registry, message, t, prepared?.get(message.seq));
      if (failure && (isTransientError(failure.error) || message.info.deliveryCount < settings.maxAttempts)) {
        stoppedBy = { reason: 'failure', position: message.seq, error: describeError(failure.error) };
        break;
      }
      if (failure) {
        const error = describeError(failure.error);
        await deadLetter(sql, key, message, error, message.info.deliveryCount);
        deadLettered.push({ position: message.seq, error });
      }
      position = message.seq;
      done.push(message);
    }
    if (position > checkpoint) await saveCheckpoint(sql, key, position);
    return { done, retry: messages.slice(done.length), position, stoppedBy, deadLettered };
  });
}

function deadLetter(sql: Parameters<typeof recordDeadLetter>[0], key: BuildKey, message: JsMsg, error: string, attempts: number) {
  return recordDeadLetter(sql, {
    projection: key.name,
    version: key.version,
    generation: key.generation,
    position: message.seq,
    subject: message.subject,
    ...describeRawCommit(message.subject, message.data),
    error,
    attempts,
  });
}
