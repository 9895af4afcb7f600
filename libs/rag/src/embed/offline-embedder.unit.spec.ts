import { OfflineEmbedder } from './offline-embedder';
import { fmix32, fnv1a } from './offline-hash';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('OfflineEmbedder', () => {
  const embedder = new OfflineEmbedder();

  it('names the model with its dimensions', () => {
    expect(embedder.dimensions).toBe(768);
    expect(embedder.model).toBe('ragstream-hash-v1-768');
    expect(new OfflineEmbedder({ dimensions: 256 }).model).toBe('ragstream-hash-v1-256');
    expect(() => new OfflineEmbedder({ dimensions: 8 })).toThrow(RangeError);
  });

  it('returns unit-length Float32Arrays, even for text without terms', async () => {
    const vectors = await embedder.embedDocuments(['Tumour suppressor p53 in mice.', 'the of and', '']);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(768);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic across instances (and processes: the hash is fixed)', async () => {
    const text = 'Vitamin D deficiency is associated with increased mortality.';
    expect(await new OfflineEmbedder().embedQuery(text)).toEqual(await embedder.embedQuery(text));
    // FNV-1a test vector: any change here changes every vector ever stored.
    expect(fnv1a('hello')).toBe(0x4f9f2cab);
    expect(fmix32(0x4f9f2cab)).toBe(fmix32(fnv1a('hello')));
  });

  it('keeps the vectors of version 1 stable (bump OFFLINE_EMBEDDER_VERSION if this changes)', () => {
    const v = new OfflineEmbedder({ dimensions: 64 }).embed('cell death');
    const top = [...v].map((x, i) => [i, x] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 3);
    expect(top.map(([i, x]) => [i, Math.round(x * 1000) / 1000])).toEqual([
      [14, 0.681],
      [12, 0.563],
      [24, -0.136],
    ]);
  });

  it('places similar texts closer than unrelated ones', () => {
    const query = embedder.embed('Vitamin D deficiency increases the risk of fractures');
    const similar = embedder.embed('Low vitamin D levels and fracture risk in older adults');
    const unrelated = embedder.embed('Graphene transistors switch at terahertz frequencies');
    expect(dot(query, similar)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it('matches word variants through character n-grams', () => {
    const query = embedder.embed('methylation');
    expect(dot(query, embedder.embed('hypermethylation'))).toBeGreaterThan(dot(query, embedder.embed('phosphorylation')));
  });

  it('weights query terms on request', () => {
    const doc = embedder.embed('insulin resistance');
    const plain = dot(embedder.embed('insulin signalling'), doc);
    const weighted = dot(embedder.embedWeightedQuery('insulin signalling', (t) => (t === 'insulin' ? 5 : 1)), doc);
    expect(weighted).toBeGreaterThan(plain);
  });

  it('honours an aborted signal', async () => {
    await expect(embedder.embedDocuments(['x'], AbortSignal.abort())).rejects.toThrow();
  });
});
