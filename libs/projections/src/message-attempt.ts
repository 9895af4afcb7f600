import type { EventRegistry } from '@ragstream/contracts';
import { applyMessage, type StreamMessage } from './apply-message';
import type { Projection, SqlExecutor, TableNames } from './projection';

/**
 * Applies one message inside a savepoint, so a failure undoes only that message and the batch can
 * go on (or stop) without rolling back the ones before it. Answers the failure, if any.
 */
export async function attemptInSavepoint(
  sql: SqlExecutor,
  projection: Projection,
  registry: EventRegistry,
  message: StreamMessage,
  t: TableNames,
  prepared: unknown,
): Promise<{ error: unknown } | undefined> {
  await sql.query('SAVEPOINT projection_message');
  try {
    await applyMessage(sql, projection, registry, message, t, prepared);
    await sql.query('RELEASE SAVEPOINT projection_message');
    return undefined;
  } catch (error) {
    // Should this fail too, the transaction itself is broken and rolls back whole.
    await sql.query('ROLLBACK TO SAVEPOINT projection_message');
    return { error };
  }
}
