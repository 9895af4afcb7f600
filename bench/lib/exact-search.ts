import type { OfflineEmbedder } from '@ragstream/rag';
import { searchChunks } from '@ragstream/search';
import type { Pool } from 'pg';
import { queryVector } from './query-vector';
import type { RankedChunk } from './search-api';

/**
 * Brute-force cosine search over the rows the API searches: the live `chunks` view of the bench
 * schema, the same tenant and workspace, through the search library's exact mode (index scans
 * off, so HNSW cannot serve the ORDER BY). The query vector is the API's own (see queryVector),
 * made inside the timed call as the API makes it inside its own.
 */
export class ExactVectorSearch {
  constructor(
    private readonly pool: Pool,
    private readonly tenantId: string,
    private readonly workspaceId: string,
    private readonly embedder: OfflineEmbedder,
  ) {}

  async search(query: string, k: number): Promise<RankedChunk[]> {
    const embedding = await queryVector(this.pool, this.embedder, this.workspaceId, query);
    const request = { tenantId: this.tenantId, workspaceIds: [this.workspaceId], terms: [], embedding, k, mode: 'vector' as const };
    const { hits } = await searchChunks(this.pool, undefined, request, { exact: true });
    return hits.map((h) => ({ documentId: h.documentId, chunkIndex: h.chunkIndex, score: h.score }));
  }

  /**
   * The scans EXPLAIN shows for a k-nearest query in exact mode and with the settings the search
   * library gives the API's vector query (libs/search: hnsw.ef_search = max(100, k), iterative
   * scan): whether the API's vector search really is an HNSW scan at this index size.
   */
  async plans(query: string, k: number): Promise<{ exact: string; approximate: string }> {
    const vector = `[${(await queryVector(this.pool, this.embedder, this.workspaceId, query)).join(',')}]`;
    const plan = async (exact: boolean) => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, [String(Math.max(100, k))]);
        if (exact) await client.query('SET LOCAL enable_indexscan = off');
        const { rows } = await client.query(
          `EXPLAIN SELECT chunk_key, embedding <=> $3::vector AS distance FROM chunks WHERE tenant_id = $1 AND workspace_id = ANY($2::text[]) ORDER BY distance LIMIT $4::int`,
          [this.tenantId, [this.workspaceId], vector, k],
        );
        const lines = rows.map((r) => String(r['QUERY PLAN']).trim());
        return lines.filter((l) => /Scan/.test(l)).map((l) => l.replace(/^->\s*/, '').replace(/\s+\(cost.*$/, '')).join(' / ');
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    return { exact: await plan(true), approximate: await plan(false) };
  }
}
