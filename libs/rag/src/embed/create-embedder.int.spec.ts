import { loadConfig } from '@ragstream/config';
import { FakeOpenAiServer } from '@ragstream/llm';
import { createEmbedder } from './create-embedder';
import { EmbeddingEnv } from './embedder-config';

const openai = { EMBEDDING_PROVIDER: 'openai', EMBEDDING_MODEL: 'nomic-embed-text', EMBEDDING_DIMENSIONS: '8' };

describe('createEmbedder against a local OpenAI-compatible server', () => {
  it('passes the resilience settings to the provider guard', async () => {
    const server = await FakeOpenAiServer.start();
    try {
      server.failAlways({ status: 503 });
      const config = loadConfig(EmbeddingEnv, {
        ...openai,
        EMBEDDING_BASE_URL: server.baseUrl,
        EMBEDDING_MAX_RETRIES: '0',
        EMBEDDING_BREAKER_THRESHOLD: '1',
      });
      const embedder = createEmbedder(config);
      await expect(embedder.embedQuery('a')).rejects.toMatchObject({ reason: 'server-error' });
      await expect(embedder.embedQuery('b')).rejects.toMatchObject({ reason: 'circuit-open' });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
