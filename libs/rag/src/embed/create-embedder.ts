import { ConfigError } from '@ragstream/config';
import { OpenAiCompatibleClient, type ProviderGuardListener, resilienceFromEnv } from '@ragstream/llm';
import { type EmbeddingConfig, embeddingConfigIssues } from './embedder-config';
import type { Embedder } from './embedder';
import { CachedEmbedder, type EmbeddingCacheStore } from './embedding-cache';
import { OfflineEmbedder } from './offline-embedder';
import { OpenAiCompatibleEmbedder } from './openai-embedder';

export interface CreateEmbedderOptions {
  /** Wraps a remote embedder in CachedEmbedder over this store (e.g. PostgresEmbeddingCache). */
  readonly cache?: EmbeddingCacheStore;
  /** Retries and breaker transitions of the remote provider, for logs. */
  readonly onProviderEvent?: ProviderGuardListener;
}

/** The embedder the config asks for: the built-in offline one by default, else the OpenAI-compatible one, guarded. */
export function createEmbedder(config: EmbeddingConfig, options: CreateEmbedderOptions = {}): Embedder {
  if (config.EMBEDDING_PROVIDER === 'offline') return new OfflineEmbedder({ dimensions: config.EMBEDDING_DIMENSIONS });
  const issues = embeddingConfigIssues(config);
  const { EMBEDDING_BASE_URL: baseUrl, EMBEDDING_MODEL: model, EMBEDDING_DIMENSIONS: dimensions } = config;
  if (issues.length > 0 || !baseUrl || !model || !dimensions) throw new ConfigError(issues);

  const client = new OpenAiCompatibleClient({
    baseUrl,
    apiKey: config.EMBEDDING_API_KEY,
    provider: `embeddings@${new URL(baseUrl).host}`,
    resilience: resilienceFromEnv('EMBEDDING', config),
  });
  if (options.onProviderEvent) client.guard.onEvent(options.onProviderEvent);
  const embedder = new OpenAiCompatibleEmbedder({
    client,
    model,
    dimensions,
    batchSize: config.EMBEDDING_BATCH_SIZE,
    concurrency: config.EMBEDDING_CONCURRENCY,
    requestDimensions: config.EMBEDDING_REQUEST_DIMENSIONS,
    queryPrefix: config.EMBEDDING_QUERY_PREFIX,
    documentPrefix: config.EMBEDDING_DOCUMENT_PREFIX,
  });
  // The offline embedder is cheaper than a lookup; only remote calls are worth caching.
  return options.cache ? new CachedEmbedder(embedder, options.cache, { namespace: embedder.cacheNamespace }) : embedder;
}
