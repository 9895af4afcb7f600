import type { EventRegistry } from '@ragstream/contracts';
import type { JsMsg } from 'nats';
import type { DataSource } from 'typeorm';
import { applyMessage } from './apply-message';
import { prepareOutsideTransaction } from './batch-preparation';
import { lockCheckpoint, saveCheckpoint } from './checkpoint-store';
import { describeRawCommit, recordDeadLetter } from './dead-letter';
import type { Projection, SqlExecutor, TableNames } from './projection';
import { describeError, isTransientError } from './projection-failure';
import { inTransaction } from './sql-transaction';
import { tableNames } from './table-names';

export interface BatchSettings {
  readonly dataSource: DataSource;
  readonly projection: Projection;
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
  /** Why the batch stopped early: an earlier position is missing, or a message failed. */
  readonly stoppedBy?: { readonly reason: 'gap' | 'failure'; readonly position: number; readonly error?: string };
  readonly deadLettered: readonly { readonly position: number; readonly error: string }[];
}

/**
 * Applies messages in position order in one transaction that also moves the checkpoint. The caller
 * acks `done` only after this resolves, i.e. after the commit.
 */
export async function applyBatch(settings: BatchSettings, delivered: readonly JsMsg[]): Promise<BatchOutcome> {
  const { projection } = settings;
  // Redeliveries can arrive after later messages; in position order they may close a gap in the same batch.
  const messages = [...delivered].sort((a, b) => a.seq - b.seq);
  const t = tableNames(projection);
  const prepared = projection.prepare ? await prepareOutsideTransaction(settings, messages) : undefined;
  return inTransaction(settings.dataSource, async (sql) => {
    const checkpoint = await lockCheckpoint(sql, projection.name, projection.version);
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
      const failure = await attemptInSavepoint(sql, settings, message, t, prepared?.get(message.seq));
      if (failure && (isTransientError(failure.error) || message.info.deliveryCount < settings.maxAttempts)) {
        stoppedBy = { reason: 'failure', position: message.seq, error: describeError(failure.error) };
        break;
      }
      if (failure) {
        const error = describeError(failure.error);
        await recordDeadLetter(sql, {
          projection: projection.name,
          version: projection.version,
          position: message.seq,
          subject: message.subject,
          ...describeRawCommit(message.subject, message.data),
          error,
          attempts: message.info.deliveryCount,
        });
        deadLettered.push({ position: message.seq, error });
      }
      position = message.seq;
      done.push(message);
    }
    if (position > checkpoint) await saveCheckpoint(sql, projection.name, projection.version, position);
    return { done, retry: messages.slice(done.length), position, stoppedBy, deadLettered };
  });
}

async function attemptInSavepoint(
  sql: SqlExecutor,
  settings: BatchSettings,
  message: JsMsg,
  t: TableNames,
  prepared: unknown,
): Promise<{ error: unknown } | undefined> {
  await sql.query('SAVEPOINT projection_message');
  try {
    await applyMessage(sql, settings.projection, settings.registry, message, t, prepared);
    await sql.query('RELEASE SAVEPOINT projection_message');
    return undefined;
  } catch (error) {
    // Should this fail too, the transaction itself is broken and rolls back whole.
    await sql.query('ROLLBACK TO SAVEPOINT projection_message');
    return { error };
  }
}
