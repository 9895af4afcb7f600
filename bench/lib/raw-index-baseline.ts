import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { OfflineEmbedder } from '@ragstream/rag';
import { createSearchTables, indexChunks, searchTables, type ChunkToIndex, type SearchTable } from '@ragstream/search';
import type { Pool } from 'pg';
import { chunksOf, type IngestBody } from './beir-chunks';
import { progress } from './load';

export interface RawIndexBaseline {
  readonly chunks: number;
  /** Extract, chunk, analyse and embed in this process: the projector's CPU work before its write. */
  readonly prepareMs: number;
  /** The bare index write: every chunk through the search writer, in its 500-chunk statements. */
  readonly writeMs: number;
}

const scratch = (table: SearchTable) => `bench_raw_${table}`;

/**
 * The floor under API ingestion: the same chunks, computed beforehand, written straight into a
 * scratch copy of the index (same DDL, HNSW index included, empty at the start like the live
 * one was) with the search writer. The scratch tables are dropped afterwards.
 */
export async function rawIndexBaseline(pool: Pool, bodies: readonly IngestBody[], embedder: OfflineEmbedder): Promise<RawIndexBaseline> {
  progress(`raw index baseline: preparing the chunks of ${bodies.length} documents in-process`);
  let started = performance.now();
  const owner = { tenantId: 'bench-raw', workspaceId: 'bench-raw', documentDate: new Date() };
  const chunks: ChunkToIndex[] = [];
  for (const body of bodies) chunks.push(...(await chunksOf(body, { ...owner, documentId: randomUUID() }, embedder)));
  const prepareMs = performance.now() - started;
  await createSearchTables(pool, scratch, { dimensions: embedder.dimensions });
  try {
    progress(`raw index baseline: writing ${chunks.length} chunks with indexChunks`);
    started = performance.now();
    await indexChunks(pool, scratch, chunks);
    return { chunks: chunks.length, prepareMs, writeMs: performance.now() - started };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS ${searchTables.map(scratch).join(', ')}`);
  }
}
