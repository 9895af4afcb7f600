import type { Provider } from '@nestjs/common';
import { createLogger } from '@ragstream/observability';
import { createEmbedder, type EmbeddingConfig } from '@ragstream/rag';

export const QUERY_EMBEDDER = Symbol('QUERY_EMBEDDER');

const log = createLogger('query-embedder');

/** The embedder the index was built with (same settings as the projector), for search queries. */
export function queryEmbedderProvider(config: EmbeddingConfig): Provider {
  return {
    provide: QUERY_EMBEDDER,
    useFactory: () => createEmbedder(config, { onProviderEvent: (event) => log.warn({ event }, 'embedding provider') }),
  };
}
