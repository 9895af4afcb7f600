import { ConfigError, loadConfig } from '@ragstream/config';
import { createEmbedder } from './create-embedder';
import { EmbeddingEnv } from './embedder-config';
import { CachedEmbedder } from './embedding-cache';
import { OpenAiCompatibleEmbedder } from './openai-embedder';

const openai = {
  EMBEDDING_PROVIDER: 'openai',
  EMBEDDING_BASE_URL: 'http://127.0.0.1:11434/v1',
  EMBEDDING_MODEL: 'nomic-embed-text',
  EMBEDDING_DIMENSIONS: '768',
};

describe('createEmbedder', () => {
  it('builds the guarded OpenAI-compatible embedder, cached when given a store', () => {
    const config = loadConfig(EmbeddingEnv, { ...openai, EMBEDDING_QUERY_PREFIX: 'query: ' });
    const embedder = createEmbedder(config);
    expect(embedder).toBeInstanceOf(OpenAiCompatibleEmbedder);
    expect(embedder).toMatchObject({ model: 'openai-compatible:nomic-embed-text', dimensions: 768 });
    const store = { getMany: async () => new Map(), putMany: async () => undefined };
    expect(createEmbedder(config, { cache: store })).toBeInstanceOf(CachedEmbedder);
  });

  it('refuses an unchecked config that lacks what openai needs', () => {
    const config = loadConfig(EmbeddingEnv, {});
    expect(() => createEmbedder({ ...config, EMBEDDING_PROVIDER: 'openai' })).toThrow(ConfigError);
  });
});
