import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import type { RouteInput, search } from '@ragstream/contracts';
import { createLogger } from '@ragstream/observability';
import { DATA_SOURCE } from '@ragstream/platform';
import { analyze, BM25_B, BM25_K1, type Embedder } from '@ragstream/rag';
import { embedSearchQuery, hitTitles, searchChunks } from '@ragstream/search';
import type { DataSource } from 'typeorm';
import { WorkspaceAccess } from '../documents/workspace-access.queries';
import { ReadModelGate } from '../read-models/read-model-gate';
import { QUERY_EMBEDDER } from './query-embedder.provider';
import { toHitView } from './search-hit.view';

type Body = RouteInput<typeof search>['body'];

const log = createLogger('search');

/** Hybrid, vector or lexical search over the workspaces the caller may read. */
@Injectable()
export class SearchQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(QUERY_EMBEDDER) private readonly embedder: Embedder,
    private readonly gate: ReadModelGate,
    private readonly access: WorkspaceAccess,
  ) {}

  async search(principal: Principal, body: Body, minPosition: number | undefined) {
    // Membership lives in the identity model: a position may be a membership change as well as a document's.
    await Promise.all([this.gate.reach('identity', minPosition), this.gate.reach('search', minPosition)]);
    const workspaceIds = await this.access.readable(principal, body.workspaceIds);
    const started = performance.now();
    const answer = (hits: ReturnType<typeof toHitView>[]) => ({ hits, model: this.embedder.model, tookMs: Math.round((performance.now() - started) * 10) / 10 });
    if (workspaceIds.length === 0) return answer([]);
    const terms = analyze(body.query);
    const embedding = await this.embed(body, workspaceIds, terms);
    const { hits } = await searchChunks(
      this.db,
      undefined,
      { tenantId: principal.tenantId, workspaceIds, terms, embedding, k: body.k, mode: body.mode, filters: body.filters },
      { k1: BM25_K1, b: BM25_B },
    );
    const titles = await hitTitles(this.db, principal.tenantId, hits.map((h) => h.documentId));
    return answer(hits.map((hit) => toHitView(hit, titles.get(hit.documentId) ?? '')));
  }

  private async embed(body: Body, workspaceIds: readonly string[], terms: readonly string[]): Promise<Float32Array> {
    try {
      return await embedSearchQuery(this.db, this.embedder, { query: body.query, terms, workspaceIds, mode: body.mode });
    } catch (error) {
      log.warn({ err: (error as Error).cause ?? error }, 'query embedding failed');
      throw error;
    }
  }
}
