import type { DataSource } from 'typeorm';
import { inTransaction } from '../sql-transaction';
import { assertOpen, closeDeadLetter, getDeadLetter, type DeadLetterRecord } from './dead-letter-queue';

/** Marks an open letter discarded, recording who and why; its event stays unapplied in that build. */
export async function discardDeadLetter(dataSource: DataSource, id: number, by: string, reason: string): Promise<DeadLetterRecord> {
  return inTransaction(dataSource, async (sql) => {
    assertOpen(await getDeadLetter(sql, id, true));
    await closeDeadLetter(sql, id, 'discarded', by, reason);
    return getDeadLetter(sql, id);
  });
}
