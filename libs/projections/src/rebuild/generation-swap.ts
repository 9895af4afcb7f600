import { directGet } from '@ragstream/event-store';
import type { NatsConnection } from 'nats';
import type { StreamMessage } from '../apply-message';
import { prepareOutsideTransaction } from '../batch-preparation';
import { describeBuild, sameBuild, type BuildKey } from '../build-key';
import { lockCheckpoint } from '../checkpoint-store';
import { ProjectionOperationError } from '../operation-error';
import type { SqlExecutor } from '../projection';
import { lockProjectionDdl } from '../sql-transaction';
import { activateInTransaction, liveVersion } from '../view-activation';
import { applyCarefully, type CarefulSettings } from './careful-batch';
import type { RebuildConnection } from './rebuild-connection';

export interface SwapSettings extends CarefulSettings {
  readonly nc: NatsConnection;
  readonly stream: string;
  /** The build that was live when the rebuild started; another one live now means someone else swapped. */
  readonly expectedLive: BuildKey | undefined;
  readonly startedBy: string;
}

/**
 * Makes the rebuilt generation live in one transaction: holding the projection's DDL lock and the
 * live checkpoint's row lock (so the live runner's next batch waits), it applies whatever the live
 * build has applied beyond the new one, repoints the views, updates the registry and notifies.
 * The live runner's waiting batch then finds its build retired and writes nothing.
 */
export async function swapGeneration(connection: RebuildConnection, settings: SwapSettings): Promise<{ position: number; caughtUpInSwap: number }> {
  const { projection, key } = settings;
  return connection.transaction(async (sql) => {
    // Every rebuild commit before this one may be unsynced; this one makes them all durable.
    await sql.query('SET LOCAL synchronous_commit = on');
    await lockProjectionDdl(sql, key.name);
    const live = await liveVersion(sql, key.name);
    if (live && !sameBuild(live, settings.expectedLive)) {
      throw new ProjectionOperationError('conflict', 'PROJECTION.SWAPPED_MEANWHILE', `${describeBuild(live)} was made live while ${describeBuild(key)} was being built`, {
        live,
      });
    }
    const liveCheckpoint = live ? await lockLiveCheckpoint(sql, live) : 0;
    const own = await lockCheckpoint(sql, key);
    let position = own;
    if (own < liveCheckpoint) {
      const messages = await readRange(settings, own + 1, liveCheckpoint);
      const prepared = await prepareOutsideTransaction(projection, settings.registry, messages, own);
      ({ position } = await applyCarefully(sql, settings, messages, prepared));
    }
    await activateInTransaction(sql, projection, key.generation, settings.startedBy);
    return { position, caughtUpInSwap: position - own };
  });
}

/** The live build's checkpoint, row-locked; 0 when its row is gone. */
async function lockLiveCheckpoint(sql: SqlExecutor, live: BuildKey): Promise<number> {
  try {
    await sql.query('SAVEPOINT live_checkpoint');
    const position = await lockCheckpoint(sql, live);
    await sql.query('RELEASE SAVEPOINT live_checkpoint');
    return position;
  } catch {
    await sql.query('ROLLBACK TO SAVEPOINT live_checkpoint');
    return 0;
  }
}

/** The few messages between the rebuild's position and the live checkpoint, read directly by position. */
async function readRange(settings: SwapSettings, from: number, to: number): Promise<StreamMessage[]> {
  const messages: StreamMessage[] = [];
  for (let seq = from; seq <= to; seq++) {
    const message = await directGet(settings.nc, settings.stream, { seq });
    if (message) messages.push(message);
  }
  return messages;
}
