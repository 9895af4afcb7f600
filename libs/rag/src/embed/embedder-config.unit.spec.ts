import { BaseEnv, ConfigError, loadConfig } from '@ragstream/config';
import { createEmbedder } from './create-embedder';
import { EmbeddingEnv, EmbeddingEnvShape, checkEmbeddingEnv } from './embedder-config';
import { OfflineEmbedder } from './offline-embedder';

const openai = {
  EMBEDDING_PROVIDER: 'openai',
  EMBEDDING_BASE_URL: 'http://127.0.0.1:11434/v1',
  EMBEDDING_MODEL: 'nomic-embed-text',
  EMBEDDING_DIMENSIONS: '768',
};

describe('embedding config', () => {
  it('defaults to the offline embedder with sensible limits', () => {
    const config = loadConfig(EmbeddingEnv, {});
    expect(config).toMatchObject({ EMBEDDING_PROVIDER: 'offline', EMBEDDING_BATCH_SIZE: 64, EMBEDDING_TIMEOUT_MS: 30_000, EMBEDDING_MAX_RETRIES: 3 });
    expect(createEmbedder(config)).toBeInstanceOf(OfflineEmbedder);
  });

  it('names every variable the openai provider is missing', () => {
    expect(() => loadConfig(EmbeddingEnv, { EMBEDDING_PROVIDER: 'openai', EMBEDDING_MODEL: '' })).toThrow(
      expect.objectContaining({
        issues: [
          { variable: 'EMBEDDING_BASE_URL', message: 'required when EMBEDDING_PROVIDER=openai' },
          { variable: 'EMBEDDING_MODEL', message: 'required when EMBEDDING_PROVIDER=openai' },
          { variable: 'EMBEDDING_DIMENSIONS', message: 'required when EMBEDDING_PROVIDER=openai' },
        ],
      }),
    );
  });

  it('merges into an app schema and keeps the cross-field check', () => {
    const AppEnv = BaseEnv.extend(EmbeddingEnvShape).superRefine(checkEmbeddingEnv);
    expect(loadConfig(AppEnv, { ...openai, EMBEDDING_BREAKER_THRESHOLD: '9' })).toMatchObject({ EMBEDDING_DIMENSIONS: 768, EMBEDDING_BREAKER_THRESHOLD: 9 });
    expect(() => loadConfig(AppEnv, { EMBEDDING_PROVIDER: 'openai' })).toThrow(ConfigError);
  });
});
