import type { Projection } from '../src';

export type CounterTable = 'counters' | 'counter_applies';

/** The name the test projection refuses, to make a poison message. */
export const POISON = 'poison';

/**
 * Test read model over the event store's counter events: one row per counter, upserts guarded by
 * (position, event index) so a replay changes nothing, and `counter_applies` counting how often
 * each event reached apply(), the instrument for exactly-once assertions.
 */
export function counterProjection(version = 1): Projection<CounterTable> {
  return {
    name: 'counters',
    version,
    tables: ['counters', 'counter_applies'],
    async setup(sql, t) {
      await sql.query(`CREATE TABLE IF NOT EXISTS ${t('counters')} (
        tenant_id text NOT NULL, counter_id text NOT NULL, name text NOT NULL, total integer NOT NULL,
        position bigint NOT NULL, event_index integer NOT NULL, PRIMARY KEY (tenant_id, counter_id))`);
      await sql.query(`CREATE TABLE IF NOT EXISTS ${t('counter_applies')} (
        position bigint NOT NULL, event_index integer NOT NULL, times integer NOT NULL, PRIMARY KEY (position, event_index))`);
    },
    async apply(sql, commit, t) {
      const { tenantId, aggregateId } = commit.envelope;
      for (const [index, event] of commit.events.entries()) {
        await sql.query(
          `INSERT INTO ${t('counter_applies')} AS a (position, event_index, times) VALUES ($1, $2, 1)
           ON CONFLICT (position, event_index) DO UPDATE SET times = a.times + 1`,
          [commit.position, index],
        );
        const at = [tenantId, aggregateId, commit.position, index];
        const data = event.data as { name?: string; by?: number };
        switch (event.type) {
          case 'counter.opened':
            if (data.name === POISON) throw new Error(`counter name "${POISON}" is refused`);
            await sql.query(
              `INSERT INTO ${t('counters')} AS c (tenant_id, counter_id, position, event_index, name, total) VALUES ($1, $2, $3, $4, $5, 0)
               ON CONFLICT (tenant_id, counter_id) DO UPDATE SET name = excluded.name, position = excluded.position, event_index = excluded.event_index
               WHERE (c.position, c.event_index) < (excluded.position, excluded.event_index)`,
              [...at, data.name],
            );
            break;
          case 'counter.incremented':
            await update(sql, t('counters'), 'total = total + $5', [...at, data.by]);
            break;
          case 'counter.renamed':
            await update(sql, t('counters'), 'name = $5', [...at, data.name]);
            break;
          default:
            throw new Error(`counters cannot project ${event.type}`);
        }
      }
    },
  };
}

function update(sql: { query(text: string, params: unknown[]): Promise<unknown> }, table: string, set: string, params: unknown[]) {
  return sql.query(
    `UPDATE ${table} SET ${set}, position = $3, event_index = $4
     WHERE tenant_id = $1 AND counter_id = $2 AND (position, event_index) < ($3::bigint, $4::integer)`,
    params,
  );
}
