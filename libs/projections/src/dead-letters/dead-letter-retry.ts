import type { EventRegistry } from '@ragstream/contracts';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { applyMessage } from '../apply-message';
import { prepareOutsideTransaction } from '../batch-preparation';
import { describeBuild, type BuildKey } from '../build-key';
import { findBuild, liveBuild } from '../build-registry';
import { lockCheckpoint } from '../checkpoint-store';
import { ProjectionOperationError } from '../operation-error';
import type { Projection, SqlExecutor } from '../projection';
import { describeError } from '../projection-failure';
import { inTransaction } from '../sql-transaction';
import { tableNames } from '../table-names';
import { readDeadLetterMessage } from './dead-letter-commit';
import { assertOpen, closeDeadLetter, getDeadLetter, type DeadLetterRecord } from './dead-letter-queue';

export interface RetryDeadLetterOptions {
  readonly dataSource: DataSource;
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly registry: EventRegistry;
  /** The projections this deployment runs; the letter's is picked by name. */
  readonly projections: readonly Projection[];
  readonly id: number;
  /** Recorded on the letter, e.g. `alice@ops-1`. */
  readonly by: string;
}

/** The apply failed again: the letter stays open with the new error. */
export class DeadLetterRetryFailed extends Error {
  constructor(readonly letter: DeadLetterRecord, readonly reason: string) {
    super(`dead letter ${letter.id} (${letter.projection} position ${letter.position}) failed again: ${reason}`);
    this.name = 'DeadLetterRetryFailed';
  }
}

/**
 * Re-applies a dead-lettered commit through its projection, once: in one transaction that holds
 * the build's checkpoint lock (so the runner's batches wait), applies it and marks the letter
 * resolved. Refused when the letter's build is not the one its code and configuration would
 * write to (replaced by a rebuild, another version or fingerprint): that build handled the position itself.
 */
export async function retryDeadLetter(options: RetryDeadLetterOptions): Promise<DeadLetterRecord> {
  const { dataSource, registry } = options;
  const letter = await getDeadLetter(dataSource, options.id);
  assertOpen(letter);
  const key: BuildKey = { name: letter.projection, version: letter.version, generation: letter.generation };
  const projection = await writableProjection(dataSource, options.projections, letter, key);
  const message = await readDeadLetterMessage(options.nc, options.stream, letter);
  const prepared = (await prepareOutsideTransaction(projection, registry, [message], 0)).get(message.seq);
  try {
    return await inTransaction(dataSource, async (sql) => {
      await lockCheckpoint(sql, key);
      assertOpen(await getDeadLetter(sql, letter.id, true));
      await applyMessage(sql, projection, registry, message, tableNames(projection, key.generation), prepared);
      await closeDeadLetter(sql, letter.id, 'resolved', options.by, 're-applied by dlq retry');
      return getDeadLetter(sql, letter.id);
    });
  } catch (error) {
    if (error instanceof ProjectionOperationError) throw error;
    await recordFailedRetry(dataSource, letter.id, describeError(error));
    throw new DeadLetterRetryFailed(letter, describeError(error));
  }
}

async function writableProjection(sql: SqlExecutor, projections: readonly Projection[], letter: DeadLetterRecord, key: BuildKey): Promise<Projection> {
  const refuse = (code: string, message: string, hint?: string) =>
    new ProjectionOperationError('conflict', code, message, { id: letter.id, build: key }, hint);
  const projection = projections.find((p) => p.name === letter.projection);
  if (!projection) throw new ProjectionOperationError('not-found', 'PROJECTION.UNKNOWN', `this deployment runs no projection ${letter.projection}`, { id: letter.id });
  const build = await findBuild(sql, key);
  if (!build || build.tablesDropped || build.state === 'retired') {
    const live = await liveBuild(sql, letter.projection);
    const replaced = live ? `; ${describeBuild(live)} is live and handled position ${letter.position} on its own (see its own dead letters)` : '';
    throw refuse('DEAD_LETTER.BUILD_RETIRED', `dead letter ${letter.id} was recorded for ${describeBuild(key)}, which is no longer in use${replaced}`, 'discard it with: dlq discard ' + letter.id + ' --reason "build retired"');
  }
  if (projection.version !== key.version || (projection.fingerprint ?? null) !== build.fingerprint) {
    throw refuse(
      'DEAD_LETTER.OTHER_CODE',
      `dead letter ${letter.id} belongs to ${describeBuild(key)} (fingerprint ${build.fingerprint}), but this code is v${projection.version} with fingerprint ${projection.fingerprint ?? null}`,
      'retry it with the code and configuration that built that generation',
    );
  }
  return projection;
}

async function recordFailedRetry(dataSource: DataSource, id: number, error: string): Promise<void> {
  await dataSource.query(`UPDATE dead_letters SET error = $2, attempts = attempts + 1 WHERE id = $1 AND status = 'open'`, [id, error]).catch(() => undefined);
}
