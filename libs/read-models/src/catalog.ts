import type { ContentStore } from '@ragstream/event-store';
import type { Projection } from '@ragstream/projections';
import type { ChunkOptions, Embedder } from '@ragstream/rag';
import type { DataSource } from 'typeorm';
import { conversationsProjection } from './conversations';
import { documentsProjection } from './documents';
import { identityProjection } from './identity';
import { createSearchProjection, SEARCH_PROJECTION } from './search';

/** What the projections need besides SQL: the object store, the embedding model and indexing limits. */
export interface CatalogDependencies {
  readonly dataSource: DataSource;
  readonly content: ContentStore;
  readonly embedder: Embedder;
  readonly chunking?: ChunkOptions;
  readonly maxChars?: number;
  readonly maxChunksPerDocument?: number;
}

/** Every projection the projector runs, in the order they start. */
export function projectionCatalog(deps: CatalogDependencies): Projection<any>[] {
  return [identityProjection, documentsProjection, createSearchProjection(deps), conversationsProjection];
}

/** Names and versions of the catalogued projections, for provisioning that needs no dependencies. */
export function projectionIdentities(): { readonly name: string; readonly version: number }[] {
  return [identityProjection, documentsProjection, SEARCH_PROJECTION, conversationsProjection].map(({ name, version }) => ({ name, version }));
}
