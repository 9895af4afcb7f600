import { FakeOpenAiServer, OpenAiCompatibleClient } from '@ragstream/llm';
import { type TestDatabase, createTestDatabase } from '@ragstream/testing';
import { CachedEmbedder, textSha256 } from './embedding-cache';
import { OpenAiCompatibleEmbedder } from './openai-embedder';
import { PostgresEmbeddingCache } from './postgres-embedding-cache';

describe('PostgresEmbeddingCache', () => {
  let db: TestDatabase;
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await FakeOpenAiServer.start();
  });
  afterAll(async () => {
    await server.close();
    await db.dispose();
  });

  const embedder = () => {
    const client = new OpenAiCompatibleClient({ baseUrl: server.baseUrl, provider: 'fake' });
    const inner = new OpenAiCompatibleEmbedder({ client, model: 'fake-embed', dimensions: 8, batchSize: 2 });
    return new CachedEmbedder(inner, new PostgresEmbeddingCache(db.dataSource), { namespace: inner.cacheNamespace });
  };

  it('serves the second call from Postgres alone, with identical vectors', async () => {
    const texts = ['alpha', 'beta', 'gamma', 'beta'];
    const first = await embedder().embedDocuments(texts);
    const requestsAfterFirst = server.requests.length;
    const second = await embedder().embedDocuments(texts);

    expect(requestsAfterFirst).toBe(2); // three distinct texts in batches of two
    expect(server.requests).toHaveLength(requestsAfterFirst);
    expect(second).toEqual(first);

    const rows: { model: string; hash: string; dims: number }[] = await db.dataSource.query(
      `SELECT model, encode(text_sha256, 'hex') AS hash, cardinality(embedding) AS dims FROM embedding_cache ORDER BY hash`,
    );
    expect(rows).toEqual(
      ['alpha', 'beta', 'gamma'].map((t) => ({ model: 'openai-compatible:fake-embed@8', hash: textSha256(t), dims: 8 })).sort((a, b) => a.hash.localeCompare(b.hash)),
    );
  });

  it('embeds only the misses when part of a call is cached', async () => {
    const before = server.requests.length;
    await embedder().embedDocuments(['alpha', 'delta']);
    expect(server.requests.slice(before).map((r) => r.body.input)).toEqual([['delta']]);
  });

  it('keeps the first stored vector when the same entry is put again', async () => {
    const store = new PostgresEmbeddingCache(db.dataSource);
    const hash = textSha256('twice');
    await store.putMany('m', [{ hash, embedding: Float32Array.of(0.1, 0.2) }]);
    await store.putMany('m', [{ hash, embedding: Float32Array.of(0.9, 0.9) }]);
    expect((await store.getMany('m', [hash, textSha256('never')])).get(hash)).toEqual(Float32Array.of(0.1, 0.2));
    expect((await store.getMany('m', [textSha256('never')])).size).toBe(0);
  });
});
