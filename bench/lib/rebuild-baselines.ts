import { DeliverPolicy, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { createIdentityTables } from '@ragstream/read-models';
import { workspaceRow } from './workspace-log';

/**
 * The NATS floor: an ordered consumer reading the same stream from position 1 to its head in pulls
 * of `pullSize`, touching each message's bytes and nothing else. Answers messages per second.
 */
export async function orderedReplayBaseline(nc: NatsConnection, stream: string, total: number, pullSize: number): Promise<number> {
  const consumer = await nc.jetstream().consumers.get(stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: 1 });
  const started = performance.now();
  let seen = 0;
  let bytes = 0;
  try {
    while (seen < total) {
      for await (const message of await consumer.fetch({ max_messages: pullSize, expires: 5000 })) {
        bytes += message.data.byteLength;
        seen++;
      }
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
  if (bytes === 0) throw new Error('the replay read nothing');
  return (seen * 1000) / (performance.now() - started);
}

/**
 * The Postgres floor: the rows the projection ends up with (a workspace and its owner's membership
 * per event), inserted with multi-row INSERTs of `batchSize` events per transaction into fresh
 * tables with the projection's own DDL and indexes. Answers events per second.
 */
export async function batchedInsertBaseline(connectionString: string, schema: string, total: number, batchSize: number, label: string): Promise<number> {
  const client = new Client({ connectionString, options: `-c search_path=${schema},public`, application_name: 'ragstream-bench' });
  await client.connect();
  // As the rebuild's own session does: commits need not wait for the disk (1 commit per batch either way).
  await client.query('SET synchronous_commit = off');
  const t = (table: string) => `raw_${label}_${table}`;
  try {
    await createIdentityTables({ query: (text, params) => client.query(text, params as unknown[]).then((r) => r.rows) }, t as never);
    const started = performance.now();
    for (let from = 0; from < total; from += batchSize) {
      const rows = Array.from({ length: Math.min(batchSize, total - from) }, (_, k) => workspaceRow(from + k));
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${t('workspaces')} SELECT w, t, n, false, a, a, 1, p FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[]) AS r(w, t, n, a, p)`, [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.tenantId),
        rows.map((r) => r.name),
        rows.map((r) => r.at),
        rows.map((r) => r.position),
      ]);
      await client.query(
        `INSERT INTO ${t('workspace_members')} (workspace_id, tenant_id, user_id, role, added_at, position)
         SELECT w, t, u, 'owner', a, p FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[]) AS r(w, t, u, a, p)`,
        [rows.map((r) => r.workspaceId), rows.map((r) => r.tenantId), rows.map((r) => r.ownerUserId), rows.map((r) => r.at), rows.map((r) => r.position)],
      );
      await client.query('COMMIT');
    }
    return (total * 1000) / (performance.now() - started);
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${['tenants', 'tenant_members', 'users', 'workspaces', 'workspace_members', 'api_keys', 'sessions'].map(t).join(', ')}`).catch(() => undefined);
    await client.end();
  }
}
