import type { EventRegistry } from '@ragstream/contracts';
import type { StreamMessage } from '../apply-message';
import type { BuildKey } from '../build-key';
import { lockCheckpoint, saveCheckpoint } from '../checkpoint-store';
import { describeRawCommit, recordDeadLetter } from '../dead-letters/dead-letter';
import { attemptInSavepoint } from '../message-attempt';
import type { Projection, SqlExecutor } from '../projection';
import { describeError, isTransientError } from '../projection-failure';
import { tableNames } from '../table-names';

export interface CarefulSettings {
  readonly projection: Projection;
  readonly key: BuildKey;
  readonly registry: EventRegistry;
  /** Attempts before a message is dead-lettered, as in the live runner. */
  readonly maxAttempts: number;
}

/**
 * Applies messages one savepoint each, inside the caller's transaction: a message that keeps
 * failing is dead-lettered for this build and skipped; a database failure throws, so the whole
 * batch is retried. Answers the new checkpoint and the positions dead-lettered.
 */
export async function applyCarefully(
  sql: SqlExecutor,
  settings: CarefulSettings,
  messages: readonly StreamMessage[],
  prepared: ReadonlyMap<number, unknown>,
  notify = false,
): Promise<{ position: number; deadLettered: number[] }> {
  const { projection, key, registry } = settings;
  const t = tableNames(projection, key.generation);
  const checkpoint = await lockCheckpoint(sql, key);
  let position = checkpoint;
  const deadLettered: number[] = [];
  for (const message of messages) {
    if (message.seq <= position) continue;
    let failure: { error: unknown } | undefined;
    for (let attempt = 1; attempt <= settings.maxAttempts; attempt++) {
      failure = await attemptInSavepoint(sql, projection, registry, message, t, prepared.get(message.seq));
      if (!failure) break;
      if (isTransientError(failure.error)) throw failure.error;
    }
    if (failure) {
      const error = describeError(failure.error);
      const raw = describeRawCommit(message.subject, message.data);
      await recordDeadLetter(sql, { ...raw, projection: key.name, version: key.version, generation: key.generation, position: message.seq, subject: message.subject, error, attempts: settings.maxAttempts });
      deadLettered.push(message.seq);
    }
    position = message.seq;
  }
  if (position > checkpoint) await saveCheckpoint(sql, key, position, notify);
  return { position, deadLettered };
}
