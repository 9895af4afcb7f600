import { setTimeout as delay } from 'node:timers/promises';
import type { JetStreamManager } from 'nats';
import type { BuildKey } from '../build-key';
import { markTablesDropped, setBuildState } from '../build-registry';
import { deleteCheckpoint } from '../checkpoint-store';
import { deleteProjectionConsumer, projectionConsumerName } from '../projection-consumer';
import { lockProjectionDdl } from '../sql-transaction';
import { dropBuildTables } from './build-tables';
import type { RebuildConnection } from './rebuild-connection';

export interface RetireOptions {
  readonly connection: RebuildConnection;
  readonly jsm: JetStreamManager;
  readonly stream: string;
  /** Keep the tables (and checkpoint) for inspection; the consumer goes anyway, nothing reads it any more. */
  readonly keepTables: boolean;
  /** How long to wait for a projector still pulling from the old consumer to let go. */
  readonly drainTimeoutMs?: number;
}

/** Removes what a build no longer needs once another one is live: its consumer, then its tables. */
export async function retireBuild(key: BuildKey, options: RetireOptions): Promise<{ consumerDeleted: boolean; tablesDropped: string[] }> {
  const { connection, jsm, stream } = options;
  await waitForPullsToEnd(jsm, stream, projectionConsumerName(key), options.drainTimeoutMs ?? 5000);
  const consumerDeleted = await deleteProjectionConsumer(jsm, stream, key);
  if (options.keepTables) return { consumerDeleted, tablesDropped: [] };
  const tablesDropped = await connection.transaction(async (sql) => {
    await lockProjectionDdl(sql, key.name);
    const dropped = await dropBuildTables(sql, key);
    await deleteCheckpoint(sql, key);
    await markTablesDropped(sql, key);
    return dropped;
  });
  return { consumerDeleted, tablesDropped };
}

/** Retires an unfinished build a new rebuild replaces. */
export async function abandonBuild(key: BuildKey, options: Omit<RetireOptions, 'keepTables'>): Promise<void> {
  await retireBuild(key, { ...options, keepTables: false, drainTimeoutMs: 0 });
  await options.connection.transaction((sql) => setBuildState(sql, key, 'retired', 'abandoned: a new rebuild started instead of resuming'));
}

/**
 * A projector that noticed the swap stops its runner within a poll interval; deleting the consumer
 * before its last pull expires would only make it log errors. Gives up quietly after the timeout.
 */
async function waitForPullsToEnd(jsm: JetStreamManager, stream: string, durable: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const info = await jsm.consumers.info(stream, durable).catch(() => undefined);
    if (!info || info.num_waiting === 0) return;
    await delay(100);
  }
}
