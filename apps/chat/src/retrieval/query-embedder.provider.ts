import type { Provider } from '@nestjs/common';
import { createLogger } from '@ragstream/observability';
import { createEmbedder, type EmbeddingConfig } from '@ragstream/rag';
import { QUERY_EMBEDDER } from '../tokens';

const log = createLogger('query-embedder');

/** The embedder the index was built with (same settings as the projector), for questions. */
export function queryEmbedderProvider(config: EmbeddingConfig): Provider {
  return {
    provide: QUERY_EMBEDDER,
    useFactory: () => createEmbedder(config, { onProviderEvent: (event) => log.warn({ event }, 'embedding provider') }),
  };
}
