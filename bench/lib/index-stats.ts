import { searchTables } from '@ragstream/search';
import type { Pool } from 'pg';
import { liveSearchTables } from './live-search-tables';

/** Chunks of the workspace in the `chunks` view the API reads: the index size latencies are quoted at. */
export async function indexedChunks(pool: Pool, tenantId: string, workspaceId: string): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM chunks WHERE tenant_id = $1 AND workspace_id = $2`, [tenantId, workspaceId]);
  return rows[0].n;
}

/**
 * ANALYZE the live search tables before a latency phase, so every phase is planned from current
 * statistics rather than from whenever autovacuum last looked (it may not have, after a bulk load).
 */
export async function analyzeSearchTables(pool: Pool, schema: string): Promise<void> {
  const { tables } = await liveSearchTables(pool, schema);
  for (const table of searchTables) await pool.query(`ANALYZE "${schema}"."${tables[table]}"`);
}
