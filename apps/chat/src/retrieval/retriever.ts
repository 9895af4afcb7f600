import { Inject, Injectable } from '@nestjs/common';
import type { SearchFilters, SearchMode } from '@ragstream/contracts';
import { DomainError } from '@ragstream/domain';
import type { GroundingSource } from '@ragstream/llm';
import { createLogger } from '@ragstream/observability';
import { DATA_SOURCE } from '@ragstream/platform';
import { analyze, BM25_B, BM25_K1, type Embedder } from '@ragstream/rag';
import { embedSearchQuery, hitTitles, searchChunks, type SearchHit } from '@ragstream/search';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { QUERY_EMBEDDER } from '../tokens';

export interface RetrievalRequest {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly query: string;
  readonly k: number;
  readonly mode: z.infer<typeof SearchMode>;
  readonly filters?: z.infer<typeof SearchFilters>;
  /** Ids continue after this many sources (a tool's results join the turn's sources). */
  readonly firstId?: number;
}

const log = createLogger('retrieval');

/** Hybrid search over one workspace, the same ranking /v1/search uses, as numbered grounding sources. */
@Injectable()
export class Retriever {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(QUERY_EMBEDDER) private readonly embedder: Embedder,
  ) {}

  async retrieve(request: RetrievalRequest): Promise<GroundingSource[]> {
    const terms = analyze(request.query);
    const workspaceIds = [request.workspaceId];
    const { mode, embedding } = await this.embed(request, terms);
    const search = { tenantId: request.tenantId, workspaceIds, terms, embedding, k: request.k, mode, filters: request.filters };
    const { hits } = await searchChunks(this.db, undefined, search, { k1: BM25_K1, b: BM25_B });
    const titles = await hitTitles(this.db, request.tenantId, hits.map((h) => h.documentId));
    return hits.map((hit, i) => toSource(hit, (request.firstId ?? 0) + i + 1, titles.get(hit.documentId) ?? ''));
  }

  // A chat answer is still worth giving when the embedding model is down: rank lexically then.
  private async embed(request: RetrievalRequest, terms: string[]) {
    const input = { query: request.query, terms, workspaceIds: [request.workspaceId], mode: request.mode };
    try {
      return { mode: request.mode, embedding: await embedSearchQuery(this.db, this.embedder, input) };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'SEARCH.EMBEDDING_UNAVAILABLE') throw error;
      log.warn({ err: error.cause ?? error }, 'query embedding failed; retrieving lexically');
      return { mode: 'lexical' as const, embedding: new Float32Array(this.embedder.dimensions) };
    }
  }
}

function toSource(hit: SearchHit, id: number, title: string): GroundingSource {
  return {
    id,
    documentId: hit.documentId,
    revision: hit.documentVersion,
    chunkIndex: hit.chunkIndex,
    title,
    text: hit.text,
    start: hit.start,
    end: hit.end,
    page: hit.page ?? null,
    pageEnd: hit.pageEnd ?? null,
    startMs: hit.startMs ?? null,
    endMs: hit.endMs ?? null,
    headingPath: hit.headingPath,
    score: hit.score,
  };
}
