import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { OfflineEmbedder } from '@ragstream/rag';
import { indexChunks, type ChunkToIndex, type SearchTable } from '@ragstream/search';
import type { Pool } from 'pg';
import { chunksOf, ingestBody } from './beir-chunks';
import { progress } from './load';
import type { SyntheticDocuments } from './synthetic-docs';

export interface DirectGrowthTarget {
  readonly pool: Pool;
  readonly tables: Record<SearchTable, string>;
  readonly tenantId: string;
  readonly workspaceId: string;
  /** Recorded on the rows as the position that wrote them: the search checkpoint at the time. */
  readonly position: number;
}

const BATCH_CHUNKS = 1000;

/**
 * Writes at least `chunks` chunks of synthetic documents straight into the live search tables
 * with the search writer, bypassing API, log and projector. The next batch is prepared while the
 * previous one is written, so the embedder and Postgres share the two cores.
 */
export async function growDirectly(target: DirectGrowthTarget, docs: SyntheticDocuments, embedder: OfflineEmbedder, chunks: number): Promise<{ chunks: number; documents: number; ms: number }> {
  const t = (table: SearchTable) => target.tables[table];
  const owner = { tenantId: target.tenantId, workspaceId: target.workspaceId, documentDate: new Date() };
  const started = performance.now();
  let [written, documents, reported] = [0, 0, 0];
  let writing: Promise<void> = Promise.resolve();
  while (written < chunks) {
    const batch: ChunkToIndex[] = [];
    while (batch.length < Math.min(BATCH_CHUNKS, chunks - written)) {
      batch.push(...(await chunksOf(ingestBody(docs.next()), { ...owner, documentId: randomUUID() }, embedder)));
      documents++;
    }
    await writing;
    writing = indexChunks(target.pool, t, batch, { position: target.position });
    writing.catch(() => undefined); // awaited before the next write; this only keeps a failure from counting as unhandled meanwhile
    written += batch.length;
    if (written - reported >= chunks / 10) {
      reported = written;
      progress(`direct index writes: ${written}/${chunks} chunks, ${Math.round((written * 1000) / (performance.now() - started))} chunks/s`);
    }
  }
  await writing;
  return { chunks: written, documents, ms: performance.now() - started };
}
