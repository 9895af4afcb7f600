import { createHash } from 'node:crypto';
import type { Embedder } from './embedder';

/** One cached vector: the hex SHA-256 of the embedded text and its vector. */
export interface EmbeddingCacheEntry {
  readonly hash: string;
  readonly embedding: Float32Array;
}

/** Where CachedEmbedder keeps vectors, keyed by (model, sha256 of text). */
export interface EmbeddingCacheStore {
  /** The cached vectors among `hashes` (hex SHA-256), keyed by hash; misses are simply absent. */
  getMany(model: string, hashes: readonly string[]): Promise<Map<string, Float32Array>>;
  /** Stores vectors; an entry already present is left as it is. */
  putMany(model: string, entries: readonly EmbeddingCacheEntry[]): Promise<void>;
}

export interface CachedEmbedderOptions {
  /** Key space in the store; the inner model and dimension by default. Anything that changes vectors belongs in it. */
  readonly namespace?: string;
}

/** Hex SHA-256 of a text, the cache key. */
export const textSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Embeds only what the store has not seen: the expensive, non-deterministic call runs once per
 * distinct text, so re-projecting a document (or re-asking a query) costs a lookup.
 */
export class CachedEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly documents: string;
  // Queries get their own space: with query prefixes their vectors differ from a passage's.
  private readonly queries: string;

  constructor(private readonly inner: Embedder, private readonly store: EmbeddingCacheStore, options: CachedEmbedderOptions = {}) {
    this.model = inner.model;
    this.dimensions = inner.dimensions;
    this.documents = options.namespace ?? `${inner.model}@${inner.dimensions}`;
    this.queries = `${this.documents}#query`;
  }

  /** Cached vectors for known texts; one inner call for the distinct misses, whose vectors are then stored. */
  async embedDocuments(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    return this.cached(this.documents, texts, (misses) => this.inner.embedDocuments(misses, signal));
  }

  /** A query vector from the cache, or from the inner embedder (then cached). */
  async embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array> {
    const [vector] = await this.cached(this.queries, [text], async ([query]) => [await this.inner.embedQuery(query, signal)]);
    return vector;
  }

  private async cached(namespace: string, texts: readonly string[], embed: (misses: string[]) => Promise<Float32Array[]>): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const hashes = texts.map(textSha256);
    const found = await this.store.getMany(namespace, [...new Set(hashes)]);
    // A stored vector of another length (a model reconfigured in place) is a miss, not an answer.
    for (const [hash, vector] of found) if (vector.length !== this.dimensions) found.delete(hash);
    const misses = new Map<string, string>();
    hashes.forEach((hash, i) => found.has(hash) || misses.set(hash, texts[i]));
    if (misses.size > 0) {
      const vectors = await embed([...misses.values()]);
      const entries = [...misses.keys()].map((hash, i) => ({ hash, embedding: vectors[i] }));
      await this.store.putMany(namespace, entries);
      for (const { hash, embedding } of entries) found.set(hash, embedding);
    }
    return hashes.map((hash) => found.get(hash) as Float32Array);
  }
}
