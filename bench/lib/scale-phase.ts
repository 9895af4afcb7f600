import type { CheckpointWatcher } from '@ragstream/projections';
import type { OfflineEmbedder } from '@ragstream/rag';
import type { Pool } from 'pg';
import type { BeirDocument } from './beir';
import { ingestBody } from './beir-chunks';
import { documentCensus } from './document-census';
import { growDirectly } from './direct-growth';
import { liveSearchTables } from './live-search-tables';
import { progress } from './load';
import { ingestThroughApi } from './search-ingest';
import type { SearchSession } from './search-session';
import { SyntheticDocuments } from './synthetic-docs';

export type GrowthPath = 'none' | 'api' | 'direct-writer';

export interface ScaleGrowth {
  readonly path: GrowthPath;
  readonly why: string;
  readonly addedChunks: number;
  readonly addedDocuments: number;
  readonly seconds: number;
  /** What the API path would have taken at the rate measured in the ingestion phase. */
  readonly estimatedApiSeconds: number;
}

export interface ScaleInput {
  readonly session: SearchSession;
  readonly watcher: CheckpointWatcher;
  readonly pool: Pool;
  readonly schema: string;
  readonly embedder: OfflineEmbedder;
  readonly corpus: readonly BeirDocument[];
  readonly chunks: number;
  readonly documents: number;
  readonly apiChunksPerSec: number;
  readonly concurrency: number;
}

const WORKSPACE_MAX_DOCUMENTS = 10_000; // command-api default; the bench platform keeps it

/** Grows the workspace to `target` chunks through the API when that fits in `maxSeconds` at the measured rate, else with direct index writes. */
export async function growIndex(input: ScaleInput, target: number, maxSeconds: number): Promise<ScaleGrowth> {
  const extra = target - input.chunks;
  const estimatedApiSeconds = extra / input.apiChunksPerSec;
  const docs = new SyntheticDocuments(input.corpus);
  if (extra <= 0) return { path: 'none', why: `the index already holds ${input.chunks} chunks`, addedChunks: 0, addedDocuments: 0, seconds: 0, estimatedApiSeconds: 0 };
  const limit = `${Math.round(estimatedApiSeconds)} s at ${input.apiChunksPerSec.toFixed(1)} chunks/s against --max-ingest-seconds ${maxSeconds}`;
  if (estimatedApiSeconds <= maxSeconds) {
    const perDoc = input.chunks / Math.max(1, input.documents);
    const variants = Math.ceil(extra / perDoc);
    // The document quota caps the count, so each posted document may carry several variants.
    const perBody = Math.max(1, Math.ceil(variants / Math.max(1, WORKSPACE_MAX_DOCUMENTS - input.documents - 10)));
    const bodies = Array.from({ length: Math.ceil(variants / perBody) }, () => {
      const parts = Array.from({ length: perBody }, () => docs.next());
      return ingestBody({ id: parts[0].id, title: parts[0].title, text: parts.map((p) => p.text).join('\n\n') });
    });
    progress(`scale: ${extra} more chunks through the API, ${bodies.length} documents (${limit})`);
    const ingest = await ingestThroughApi(input.session, input.watcher, 'scale ingest', bodies, input.concurrency);
    const census = await documentCensus(input.session, ingest.maxPosition);
    const added = { chunks: census.chunks - input.chunks, documents: census.documents - input.documents };
    return { path: 'api', why: limit, addedChunks: added.chunks, addedDocuments: added.documents, seconds: ingest.toIndexedMs / 1000, estimatedApiSeconds };
  }
  const live = await liveSearchTables(input.pool, input.schema);
  progress(`scale: ${extra} more chunks written directly into ${live.build} (${Object.values(live.tables).join(', ')}): the API would take ${limit}`);
  const position = input.watcher.position('search') ?? 0;
  const grown = await growDirectly({ pool: input.pool, tables: live.tables, tenantId: input.session.tenantId, workspaceId: input.session.workspaceId, position }, docs, input.embedder, extra);
  return { path: 'direct-writer', why: `API estimate ${limit}`, addedChunks: grown.chunks, addedDocuments: grown.documents, seconds: grown.ms / 1000, estimatedApiSeconds };
}
