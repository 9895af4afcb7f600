import type { EventRegistry } from '@ragstream/contracts';
import { decodeMessage, type StreamMessage } from '../apply-message';
import type { BuildKey } from '../build-key';
import type { Projection } from '../projection';
import { tableNames } from '../table-names';
import { BatchFunction } from './batch-function';
import { BatchedSql } from './batched-sql';
import type { RebuildConnection } from './rebuild-connection';
import { StatementCatalog } from './statement-catalog';

const sessions = new WeakMap<RebuildConnection, FastPath>();

/** What fast batches keep on one session, as long as it lives: its prepared statements and its batch function. */
export class FastPath {
  readonly statements: StatementCatalog;
  readonly batchFunction: BatchFunction;

  private constructor(readonly connection: RebuildConnection) {
    this.statements = new StatementCatalog(connection);
    this.batchFunction = new BatchFunction(connection);
  }

  static of(connection: RebuildConnection): FastPath {
    let fast = sessions.get(connection);
    if (!fast) sessions.set(connection, (fast = new FastPath(connection)));
    return fast;
  }
}

export interface FastBatchSettings {
  readonly projection: Projection;
  readonly key: BuildKey;
  readonly registry: EventRegistry;
}

/**
 * Runs `apply` for every message with queued writes and sends the batch, its checkpoint and its
 * COMMIT together. Resolves once the batch is on its way; `committed` settles with the commit.
 * Throws (having sent nothing that could commit) when a message does not decode or apply fails:
 * the caller then rolls back and reruns the batch carefully.
 */
export async function sendFastBatch(
  fast: FastPath,
  settings: FastBatchSettings,
  messages: readonly StreamMessage[],
  prepared: ReadonlyMap<number, unknown>,
  from: number,
): Promise<{ committed: Promise<unknown>; position: number }> {
  const { projection, key, registry } = settings;
  const t = tableNames(projection, key.generation);
  const sql = new BatchedSql(fast.connection, fast.statements, fast.batchFunction);
  let position = from;
  for (const message of messages) {
    if (message.seq <= position) continue;
    // No span or log context per commit here: a replay of a million commits is one operation, traced as such.
    await projection.apply(sql, decodeMessage(registry, message), t, prepared.get(message.seq));
    position = message.seq;
  }
  const { committed } = await sql.finish(`${checkpointGuard(key, from, position)};\nCOMMIT`);
  committed.catch(() => undefined); // awaited by the caller; this only keeps an early failure from counting as unhandled
  return { committed, position };
}

/**
 * Moves the checkpoint from `from` to `to`, or fails the transaction when it is not at `from`: a
 * batch sent behind one that failed must not commit over the hole it left.
 */
function checkpointGuard(key: BuildKey, from: number, to: number): string {
  // Every value is an integer or a checked identifier, so inlining them is safe.
  return `DO $guard$ BEGIN
    UPDATE projection_checkpoints SET position = ${to}, updated_at = now()
     WHERE projection = '${key.name}' AND version = ${key.version} AND generation = ${key.generation} AND position = ${from};
    IF NOT FOUND THEN RAISE EXCEPTION 'checkpoint of ${key.name} v${key.version} g${key.generation} is not at ${from}'; END IF;
  END $guard$`;
}
