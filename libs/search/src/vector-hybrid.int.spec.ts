import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { TEST_DATABASE_URL } from '@ragstream/testing';
import { indexChunks } from './search-index.writer';
import { searchChunks } from './search.query';
import { inReadTransaction } from './search-session';
import { resolveTables } from './search-tables.refs';
import { chunk, randomUnit, unit } from './testing/chunk.fixtures';
import { createSearchTestDb, type SearchTestDb } from './testing/search-test-db';
import { localSettingsStatement } from './local-settings.sql';
import { vectorSearchStatement, vectorSettings } from './vector-query.sql';
import type { SearchFilters, SearchOptions, SearchRequest, SqlQueryable } from './search-query.types';

const DIMS = 16;
const TENANT = randomUUID();
const WS = randomUUID();
const RANDOM = Array.from({ length: 3000 }, (_, i) => randomUnit(DIMS, i + 1));
const RARE = ['r0', 'r1200', 'r1500', 'r1800', 'r2100', 'r2400', 'r2700', 'r300', 'r600', 'r900'];
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

describe('vector and hybrid search (real Postgres)', () => {
  let s: SearchTestDb;
  let runner: QueryRunner;
  const vector = async (embedding: Float32Array, extra: Partial<SearchRequest> = {}, options: SearchOptions = {}, db: SqlQueryable = runner) =>
    (await searchChunks(db, s.tables, { tenantId: TENANT, workspaceIds: [WS], terms: [], embedding, k: 10, mode: 'vector', ...extra }, options)).hits;
  /** Runs the vector statement with `settings` on the test's connection, under EXPLAIN when asked. */
  const raw = async (settings: { efSearch: number; exact: boolean; iterative?: boolean }, filters?: SearchFilters, explain = false) =>
    inReadTransaction(runner, async (tx) => {
      const set = localSettingsStatement(vectorSettings(settings));
      await tx.query(set.sql, set.params);
      if (settings.iterative === false) await tx.query(`SET LOCAL hnsw.iterative_scan = off`);
      const statement = vectorSearchStatement(resolveTables(s.tables), { tenantId: TENANT, workspaceIds: [WS], embedding: RANDOM[0]!, limit: 10, filters });
      const rows = await tx.query(`${explain ? 'EXPLAIN (FORMAT JSON) ' : ''}${statement.sql}`, statement.params);
      return explain ? JSON.stringify(rows) : rows;
    });
  const plan = (exact: boolean, filters?: SearchFilters) => raw({ efSearch: 100, exact }, filters, true);

  beforeAll(async () => {
    s = await createSearchTestDb(DIMS);
    await indexChunks(s.sql, s.t, RANDOM.map((embedding, i) =>
      chunk(`random ${i}`, { tenantId: TENANT, workspaceId: WS, documentId: `r${i}`, embedding: embedding.slice(0, DIMS), ...(i % 300 === 0 && { tags: ['rare'], format: 'rare/format' }) })));
    // Below ~2000 rows the planner rightly prefers a sequential scan and sort, which would leave HNSW untested.
    await s.sql.query(`ANALYZE ${s.t('chunks')}`);
    runner = s.db.dataSource.createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    await runner.release();
    await s.dispose();
  });

  it('uses the HNSW index by default and not in exact mode', async () => {
    expect(await plan(false)).toContain('search_v1_chunks_embedding');
    expect(await plan(true)).not.toContain('search_v1_chunks_embedding');
  });

  it('exact mode equals a brute-force cosine ranking, and HNSW agrees with it', async () => {
    let overlap = 0;
    for (let q = 0; q < 20; q++) {
      const query = randomUnit(DIMS, 10_000 + q);
      const brute = RANDOM.map((v, i) => ({ id: `r${i}`, sim: cosine(v, query) })).sort((a, b) => b.sim - a.sim).slice(0, 10);
      const exact = await vector(query, {}, { exact: true });
      expect(exact.map((h) => h.documentId)).toEqual(brute.map((b) => b.id));
      exact.forEach((h, i) => expect(h.score).toBeCloseTo(brute[i]!.sim, 5));
      const approx = await vector(query);
      overlap += approx.filter((h) => exact.some((e) => e.chunkKey === h.chunkKey)).length;
    }
    expect(overlap / 200).toBeGreaterThanOrEqual(0.95);
  });

  it('still fills k when a filter passes few chunks', async () => {
    const hits = await vector(RANDOM[5]!, { filters: { tags: { any: ['rare'] } } });
    expect(hits.map((h) => h.documentId).sort()).toEqual(RARE);
  });

  it('walks the HNSW graph on (iterative scan) until a filter the index cannot see has passed k rows', async () => {
    const filters = { formats: ['rare/format'] };
    // Only 10 of 3000 rows pass, so the planner rightly prefers scan-and-sort; penalising sorts forces the
    // graph, so this test covers the iterative scan.
    await runner.query('SET enable_sort = off');
    try {
      expect(await plan(false, filters)).toContain('search_v1_chunks_embedding');
      expect((await vector(RANDOM[5]!, { filters })).map((h) => h.documentId).sort()).toEqual(RARE);
      // The same scan without iterative search returns what 40 graph candidates happen to hold.
      expect((await raw({ efSearch: 40, exact: false, iterative: false }, filters)).length).toBeLessThan(10);
    } finally {
      await runner.query('RESET enable_sort');
    }
  });

  it('works on a pg pool and on a client already in a transaction, without leaking settings', async () => {
    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2, options: `-c search_path=${s.db.schema},public` });
    try {
      const expected = (await vector(RANDOM[3]!, {}, { exact: true })).map((h) => h.chunkKey);
      expect((await vector(RANDOM[3]!, {}, { exact: true }, pool)).map((h) => h.chunkKey)).toEqual(expected);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL hnsw.ef_search = 40`);
        expect((await vector(RANDOM[3]!, {}, { exact: true }, client)).map((h) => h.chunkKey)).toEqual(expected);
        expect((await client.query('SHOW hnsw.ef_search')).rows).toEqual([{ 'hnsw.ef_search': '40' }]);
        expect((await client.query('SHOW enable_indexscan')).rows).toEqual([{ enable_indexscan: 'on' }]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('fuses both rankings with reciprocal rank fusion', async () => {
    const tenantId = randomUUID();
    const workspaceId = randomUUID();
    const doc = (documentId: string, text: string, embedding: number[]) => chunk(text, { tenantId, workspaceId, documentId, embedding: unit(embedding) });
    // Lexical order x, y, z (tf 3, 2, 1 at equal length); vector order z, y, w, x.
    await indexChunks(s.sql, s.t, [
      doc('x', 'apple apple apple', [0, 0, 0, 1, ...Array(12).fill(0)]),
      doc('y', 'apple apple pear', [0.9, 0.1, 0, 0, ...Array(12).fill(0)]),
      doc('z', 'apple pear plum', [1, 0, 0, 0, ...Array(12).fill(0)]),
      doc('w', 'kiwi melon fig', [0.7, 0.7, 0, 0, ...Array(12).fill(0)]),
    ]);
    const request = { tenantId, workspaceIds: [workspaceId], terms: ['apple'], embedding: unit([1, 0, 0, 0, ...Array(12).fill(0)]), k: 4, mode: 'hybrid' as const };
    const { hits } = await searchChunks(s.db.dataSource, s.tables, request);

    expect(hits.map((h) => [h.documentId, h.lexical?.rank, h.vector?.rank])).toEqual([
      ['z', 3, 1],
      ['y', 2, 2],
      ['x', 1, 4],
      ['w', undefined, 3],
    ]);
    expect(hits.map((h) => h.score)).toEqual([1 / 63 + 1 / 61, 2 / 62, 1 / 61 + 1 / 64, 1 / 63]);
    expect(hits[0]!.vector!.score).toBeCloseTo(1, 6);

    const custom = await searchChunks(s.db.dataSource, s.tables, { ...request, rrfK: 0 }, { fuse: (lists) => lists[0]!.map(({ id }) => ({ id, score: 0 })) });
    expect(custom.hits.map((h) => h.documentId)).toEqual(['x', 'y', 'z']);
  });
});
