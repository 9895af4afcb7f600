import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { runClosedLoop } from './load';
import type { PhaseResult } from './stats';

/**
 * The database floor under the visible path: insert one row and NOTIFY in one statement (one
 * implicit transaction), timed until a LISTEN connection hears it, from the same number of
 * concurrent clients over a pool the size of an app's (DB_POOL_SIZE default 10). The projector
 * does strictly more per commit (checkpoint lock, savepoint, two upserts, checkpoint update).
 */
export async function postgresNotifyBaseline(connectionString: string, schema: string, total: number, concurrency: number): Promise<PhaseResult> {
  const table = `"${schema}".bench_visible`;
  const channel = `bench_visible_${schema}`;
  const pool = new Pool({ connectionString, max: 10, application_name: 'ragstream-bench' });
  const listener = new Client({ connectionString, application_name: 'ragstream-bench-listener' });
  const waiting = new Map<string, () => void>();
  listener.on('notification', (message) => {
    const resolve = waiting.get(message.payload ?? '');
    waiting.delete(message.payload ?? '');
    resolve?.();
  });
  try {
    await listener.connect();
    await listener.query(`LISTEN ${channel}`);
    await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    return await runClosedLoop('postgres insert+notify baseline', total, concurrency, async () => {
      const id = randomUUID();
      let timer: NodeJS.Timeout | undefined;
      const heard = new Promise<void>((resolve, reject) => {
        waiting.set(id, resolve);
        timer = setTimeout(() => reject(new Error('notification not heard within 5 s')), 5000);
      });
      heard.catch(() => undefined); // handled below; this only keeps an early timeout from counting as unhandled
      await pool.query(`WITH row AS (INSERT INTO ${table} (id, tenant_id, name) VALUES ($1, $2, $3) RETURNING id) SELECT pg_notify($4, id::text) FROM row`, [
        id,
        randomUUID(),
        `bench ${id}`,
        channel,
      ]);
      await heard.finally(() => clearTimeout(timer));
    });
  } finally {
    await listener.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}
