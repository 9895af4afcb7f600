import { rowsOf } from './sql-params';
import type { SqlQueryable } from './search-query.types';

type Work<R> = (db: SqlQueryable) => Promise<R>;

interface QueryRunnerLike extends SqlQueryable {
  startTransaction(): Promise<void>;
  rollbackTransaction(): Promise<void>;
}
interface TypeOrmLike extends SqlQueryable {
  transaction<R>(work: (manager: SqlQueryable) => Promise<R>): Promise<R>;
  queryRunner?: QueryRunnerLike;
}
interface PgPoolLike extends SqlQueryable {
  connect(): Promise<SqlQueryable & { release(err?: Error): void }>;
  totalCount: number;
}

/**
 * Runs read-only `work` on one connection inside a transaction, so SET LOCAL settings apply to it.
 * Pools and data sources lend a fresh connection. On a connection of the caller's, the transaction
 * (or savepoint, when one is already open) is rolled back afterwards, so no setting leaks out.
 */
export async function inReadTransaction<R>(db: SqlQueryable, work: Work<R>): Promise<R> {
  if (isQueryRunner(db)) return onQueryRunner(db, work);
  if (isTypeOrm(db)) return db.queryRunner ? onQueryRunner(db.queryRunner, work) : db.transaction(work);
  if (!isPgPool(db)) return onBareClient(db, work);
  const client = await db.connect();
  try {
    return await onBareClient(client, work);
  } finally {
    client.release();
  }
}

/** Whether two queries may run at once: true for pools and data sources, false for one connection. */
export function allowsConcurrency(db: SqlQueryable): boolean {
  if (isQueryRunner(db)) return false;
  if (isTypeOrm(db)) return !db.queryRunner;
  return isPgPool(db);
}

// TypeORM nests a savepoint when the runner is already in a transaction.
async function onQueryRunner<R>(runner: QueryRunnerLike, work: Work<R>): Promise<R> {
  await runner.startTransaction();
  try {
    return await work(runner);
  } finally {
    await runner.rollbackTransaction();
  }
}

async function onBareClient<R>(client: SqlQueryable, work: Work<R>): Promise<R> {
  // statement_timestamp() equals transaction_timestamp() only in a transaction's first statement,
  // so a difference means the caller already opened one, which we must neither commit nor end.
  const [{ nested }] = rowsOf(await client.query('SELECT statement_timestamp() <> transaction_timestamp() AS nested'));
  await client.query(nested ? 'SAVEPOINT ragstream_search' : 'BEGIN');
  try {
    return await work(client);
  } finally {
    await client.query(nested ? 'ROLLBACK TO SAVEPOINT ragstream_search' : 'ROLLBACK');
    if (nested) await client.query('RELEASE SAVEPOINT ragstream_search');
  }
}

const isQueryRunner = (db: SqlQueryable): db is QueryRunnerLike =>
  typeof (db as QueryRunnerLike).startTransaction === 'function' && typeof (db as QueryRunnerLike).rollbackTransaction === 'function';
const isTypeOrm = (db: SqlQueryable): db is TypeOrmLike => typeof (db as TypeOrmLike).transaction === 'function';
const isPgPool = (db: SqlQueryable): db is PgPoolLike =>
  typeof (db as PgPoolLike).connect === 'function' && typeof (db as PgPoolLike).totalCount === 'number';
