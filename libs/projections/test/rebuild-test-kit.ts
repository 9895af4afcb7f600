import { createTestDatabase } from '@ragstream/testing';
import type { DataSource } from 'typeorm';
import { inTransaction, tableNames } from '../src';
import { counterProjection } from './counter.projection';
import type { ProjectionTestEnv } from './projection-test-env';

export interface CounterSnapshot {
  readonly counters: unknown[];
  readonly applies: { position: number; event_index: number; times: number }[];
}

/** The counter rows and the apply counts, read through the given tables (the views by default). */
export async function counterSnapshot(db: DataSource, counters = 'counters', applies = 'counter_applies'): Promise<CounterSnapshot> {
  return {
    counters: await db.query(`SELECT tenant_id, counter_id, name, total, position::int FROM ${counters} ORDER BY tenant_id, counter_id`),
    applies: await db.query(`SELECT position::int, event_index, times FROM ${applies} ORDER BY position, event_index`),
  };
}

/**
 * The reference: every commit up to `head` read back by position and applied in one transaction
 * to fresh tables in a schema of its own, with none of the runner or rebuild machinery involved.
 */
export async function buildFromScratch(env: ProjectionTestEnv, head: number): Promise<CounterSnapshot> {
  const db = await createTestDatabase();
  try {
    const projection = counterProjection();
    const t = tableNames(projection);
    await inTransaction(db.dataSource, async (sql) => {
      await projection.setup(sql, t);
      for (let position = 1; position <= head; position++) {
        await projection.apply(sql, await env.events.store.readCommit(position), t);
      }
    });
    return await counterSnapshot(db.dataSource, t('counters'), t('counter_applies'));
  } finally {
    await db.dispose();
  }
}

/** A live pair of loops: a writer appending increments and a reader querying the views, each counting failures. */
export function trafficDuring(env: ProjectionTestEnv, counters: string[]) {
  const stats = { writes: 0, reads: 0, readErrors: [] as unknown[], last: 0 };
  let running = true;
  const writer = (async () => {
    for (let i = 0; running; i++) stats.last = await env.increment(counters[i % counters.length], 1).then((p) => (stats.writes++, p));
  })();
  const reader = (async () => {
    while (running) {
      await env
        .query(`SELECT count(*)::int AS n, coalesce(sum(total), 0)::int AS total FROM counters`)
        .then(() => stats.reads++)
        .catch((error: unknown) => stats.readErrors.push(error));
    }
  })();
  return {
    stats,
    async stop() {
      running = false;
      await Promise.all([writer, reader]);
      return stats;
    },
  };
}
