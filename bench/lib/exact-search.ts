import type { OfflineEmbedder } from '@ragstream/rag';
import { searchChunks } from '@ragstream/search';
import type { Pool } from 'pg';
import type { RankedChunk } from './search-api';

/**
 * Brute-force cosine search over the rows the API searches: the live `chunks` view of the bench
 * schema, the same tenant and workspace, through the search library's exact mode (index scans
 * off, so HNSW cannot serve the ORDER BY). The query is embedded here, with the model the API
 * reported, inside the timed call, as the API embeds inside its own.
 */
export class ExactVectorSearch {
  constructor(
    private readonly pool: Pool,
    private readonly tenantId: string,
    private readonly workspaceId: string,
    private readonly embedder: OfflineEmbedder,
  ) {}

  async search(query: string, k: number): Promise<RankedChunk[]> {
    const request = { tenantId: this.tenantId, workspaceIds: [this.workspaceId], terms: [], embedding: this.embedder.embed(query), k, mode: 'vector' as const };
    const { hits } = await searchChunks(this.pool, undefined, request, { exact: true });
    return hits.map((h) => ({ documentId: h.documentId, chunkIndex: h.chunkIndex, score: h.score }));
  }

  /** The plan's scan of `chunks` with and without index scans: proof that exact is brute force and the API's is HNSW. */
  async plans(query: string): Promise<{ exact: string; approximate: string }> {
    const plan = async (exact: boolean) => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        if (exact) await client.query('SET LOCAL enable_indexscan = off');
        const { rows } = await client.query(
          `EXPLAIN SELECT chunk_key FROM chunks WHERE tenant_id = $1 AND workspace_id = ANY($2::text[]) ORDER BY embedding <=> $3::vector LIMIT 10`,
          [this.tenantId, [this.workspaceId], `[${this.embedder.embed(query).join(',')}]`],
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
