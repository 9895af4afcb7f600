import { FakeOpenAiServer, OpenAiCompatibleClient, ProviderUnavailableError, fakeEmbedding } from '@ragstream/llm';
import { EmbeddingDimensionError } from './embedding.errors';
import { OpenAiCompatibleEmbedder, type OpenAiEmbedderOptions } from './openai-embedder';
import { toUnitVector } from './unit-vector';

const fast = { initialBackoffMs: 5, maxBackoffMs: 20, timeoutMs: 2000, maxRetries: 2 };
const texts = Array.from({ length: 7 }, (_, i) => `passage number ${i}`);

describe('OpenAiCompatibleEmbedder against a local OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await FakeOpenAiServer.start();
    server.embeddingDimensions = 8;
  });
  afterEach(() => server.close());

  function embedder(options: Partial<OpenAiEmbedderOptions> = {}, resilience = {}) {
    const client = new OpenAiCompatibleClient({ baseUrl: server.baseUrl, apiKey: 'sk-embed', provider: 'fake-embeddings', resilience: { ...fast, ...resilience } });
    return new OpenAiCompatibleEmbedder({ client, model: 'fake-embed', dimensions: 8, batchSize: 3, concurrency: 2, ...options });
  }

  it('posts batches to /v1/embeddings with the key, and returns unit vectors in input order', async () => {
    const e = embedder();
    const vectors = await e.embedDocuments(texts);

    expect(e.model).toBe('openai-compatible:fake-embed');
    const seen = server.requestsTo('/v1/embeddings');
    expect(seen.map((r) => r.body.input)).toEqual(expect.arrayContaining([texts.slice(0, 3), texts.slice(3, 6), texts.slice(6)]));
    expect(seen).toHaveLength(3);
    expect(seen.every((r) => r.headers.authorization === 'Bearer sk-embed' && r.body.model === 'fake-embed')).toBe(true);
    expect(seen[0].body).not.toHaveProperty('dimensions');
    // The server answers in reverse order; each vector must still belong to its own text.
    expect(vectors).toEqual(texts.map((t) => toUnitVector(fakeEmbedding(t, 8))));
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
  });

  it('applies the query and passage prefixes, and asks for the dimension when configured', async () => {
    const e = embedder({ queryPrefix: 'query: ', documentPrefix: 'passage: ', requestDimensions: true, dimensions: 4 });
    const query = await e.embedQuery('what is rag');
    await e.embedDocuments(['a text']);
    expect(server.requests.map((r) => r.body)).toEqual([
      { model: 'fake-embed', input: ['query: what is rag'], dimensions: 4 },
      { model: 'fake-embed', input: ['passage: a text'], dimensions: 4 },
    ]);
    expect(query).toEqual(toUnitVector(fakeEmbedding('query: what is rag', 4)));
  });

  it('rejects vectors of another length than configured, naming both', async () => {
    server.embeddingDimensions = 5;
    const error = await embedder().embedQuery('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingDimensionError);
    expect(error).toMatchObject({ expected: 8, actual: 5, message: expect.stringContaining('EMBEDDING_DIMENSIONS') });
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    server.failNext(1, { status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const [vector] = await embedder().embedDocuments(['rate limited']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(vector).toEqual(toUnitVector(fakeEmbedding('rate limited', 8)));
    expect(server.requests).toHaveLength(2);
  });

  it('opens the breaker on a failing server, after which calls fail fast without reaching it', async () => {
    server.failAlways({ status: 500 });
    const e = embedder({}, { maxRetries: 1, breakerThreshold: 4, halfOpenAfterMs: 60_000 });
    await expect(e.embedQuery('one')).rejects.toMatchObject({ reason: 'server-error' });
    await expect(e.embedQuery('two')).rejects.toMatchObject({ reason: 'server-error' });
    expect(server.requests).toHaveLength(4);

    const refused = await e.embedDocuments(texts).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ProviderUnavailableError);
    expect(refused).toMatchObject({ provider: 'fake-embeddings', reason: 'circuit-open' });
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry a 401', async () => {
    server.failNext(1, { status: 401 });
    await expect(embedder().embedQuery('x')).rejects.toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);
  });

  it('embeds nothing without a request', async () => {
    await expect(embedder().embedDocuments([])).resolves.toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
