import type { Embedder } from './embedder';
import { CachedEmbedder, type EmbeddingCacheEntry, type EmbeddingCacheStore, textSha256 } from './embedding-cache';

/** An embedder double that records which texts actually reached the "model". */
class RecordingEmbedder implements Embedder {
  readonly model = 'recording';
  readonly dimensions = 3;
  readonly embedded: string[] = [];
  async embedDocuments(texts: readonly string[]) {
    this.embedded.push(...texts);
    return texts.map((t) => this.vector(t));
  }
  async embedQuery(text: string) {
    this.embedded.push(`query:${text}`);
    return this.vector(`query:${text}`);
  }
  vector(text: string) {
    return Float32Array.of(text.length, 1, 0);
  }
}

class MemoryCacheStore implements EmbeddingCacheStore {
  readonly rows = new Map<string, Float32Array>();
  async getMany(model: string, hashes: readonly string[]) {
    const found = new Map<string, Float32Array>();
    for (const hash of hashes) {
      const row = this.rows.get(`${model}/${hash}`);
      if (row) found.set(hash, row);
    }
    return found;
  }
  async putMany(model: string, entries: readonly EmbeddingCacheEntry[]) {
    for (const e of entries) if (!this.rows.has(`${model}/${e.hash}`)) this.rows.set(`${model}/${e.hash}`, e.embedding);
  }
}

describe('CachedEmbedder', () => {
  it('embeds only texts it has not seen, once each, and answers in input order', async () => {
    const inner = new RecordingEmbedder();
    const cached = new CachedEmbedder(inner, new MemoryCacheStore());

    const first = await cached.embedDocuments(['a', 'bb', 'a']);
    const second = await cached.embedDocuments(['ccc', 'bb', 'a']);

    expect(inner.embedded).toEqual(['a', 'bb', 'ccc']);
    expect(first).toEqual([inner.vector('a'), inner.vector('bb'), inner.vector('a')]);
    expect(second).toEqual([inner.vector('ccc'), inner.vector('bb'), inner.vector('a')]);
    expect(cached.model).toBe('recording');
    expect(cached.dimensions).toBe(3);
  });

  it('keeps queries apart from passages of the same text', async () => {
    const inner = new RecordingEmbedder();
    const cached = new CachedEmbedder(inner, new MemoryCacheStore());
    await cached.embedDocuments(['rag']);
    const q1 = await cached.embedQuery('rag');
    const q2 = await cached.embedQuery('rag');
    expect(inner.embedded).toEqual(['rag', 'query:rag']);
    expect(q2).toEqual(q1);
  });

  it('keys by namespace and sha256, and re-embeds a stored vector of the wrong length', async () => {
    const store = new MemoryCacheStore();
    store.rows.set(`recording@3/${textSha256('stale')}`, Float32Array.of(1, 0));
    const inner = new RecordingEmbedder();
    await new CachedEmbedder(inner, store).embedDocuments(['stale']);
    await new CachedEmbedder(inner, store, { namespace: 'other' }).embedDocuments(['stale']);
    expect(inner.embedded).toEqual(['stale', 'stale']);
    expect(textSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('asks nothing for nothing', async () => {
    const inner = new RecordingEmbedder();
    await expect(new CachedEmbedder(inner, new MemoryCacheStore()).embedDocuments([])).resolves.toEqual([]);
    expect(inner.embedded).toEqual([]);
  });
});
