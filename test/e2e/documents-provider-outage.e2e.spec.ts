import { FakeOpenAiServer } from '@ragstream/llm';
import { eventually } from '@ragstream/testing';
import { Platform, newTenant } from './platform-harness';

describe('an embedding provider outage', () => {
  let platform: Platform;
  let provider: FakeOpenAiServer;
  beforeAll(async () => {
    provider = await FakeOpenAiServer.start();
    provider.embeddingDimensions = 16;
    platform = await Platform.start({
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_BASE_URL: provider.baseUrl,
      EMBEDDING_MODEL: 'fake-embed',
      EMBEDDING_DIMENSIONS: '16',
      EMBEDDING_MAX_RETRIES: '0',
      EMBEDDING_BREAKER_THRESHOLD: '1',
      EMBEDDING_BREAKER_HALF_OPEN_MS: '200',
      REINDEX_RETRY_INTERVAL_MS: '100',
      REINDEX_RETRY_AFTER_MS: '0',
    });
  });
  afterAll(async () => {
    await platform?.close();
    await provider?.close();
  });

  it('opens the breaker, marks the document failed for retry, and indexes it once the provider is back', async () => {
    const acme = await newTenant(platform, 'acme');
    provider.failAlways({ status: 503 });
    const accepted = await platform.call('POST', `/v1/workspaces/${acme.workspaceId}/documents`, {
      token: acme.token,
      body: { title: 'Pumps', text: 'Centrifugal pumps cavitate when the inlet pressure drops.' },
    });
    expect(accepted.status).toBe(202);
    const status = () => platform.call('GET', `/v1/documents/${accepted.body.documentId}`, { token: acme.token }).then((r) => r.body.status);

    const failed = await eventually(async () => {
      const s = await status();
      return s?.state === 'failed' ? s : undefined;
    }, 20_000, 'the failed status');
    expect(failed).toMatchObject({ retryable: true, reason: expect.stringContaining('embedding') });
    const seenWhileDown = provider.requests.length;

    provider.heal();
    const indexed = await eventually(async () => {
      const s = await status();
      return s?.state === 'indexed' ? s : undefined;
    }, 20_000, 'indexing after the outage');
    expect(indexed.chunkCount).toBeGreaterThan(0);
    expect(provider.requests.length).toBeGreaterThan(seenWhileDown);
  });
});
