import type { Embedder } from './embedder';
import { addHashedFeatures } from './offline-features';

export interface OfflineEmbedderOptions {
  /** Vector length; 512 keeps hashing collisions rare for chunk-sized texts at half the HNSW cost of 1024. */
  readonly dimensions?: number;
}

/** Version of the feature scheme; bump whenever vectors change for the same text. */
export const OFFLINE_EMBEDDER_VERSION = 'ragstream-hash-v1';
export const OFFLINE_EMBEDDER_DEFAULT_DIMENSIONS = 512;

/**
 * Built-in embedder needing no model or network: signed feature hashing of stemmed terms, term
 * bigrams and character n-grams with fixed a-priori weights. Deterministic across processes, and
 * independent of the corpus, so vectors never go stale as documents are added.
 */
export class OfflineEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;

  constructor(options: OfflineEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? OFFLINE_EMBEDDER_DEFAULT_DIMENSIONS;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 16 || this.dimensions > 4096) {
      throw new RangeError('dimensions must be an integer in [16, 4096]');
    }
    this.model = `${OFFLINE_EMBEDDER_VERSION}-${this.dimensions}`;
  }

  /** Embeds passages synchronously in input order; the promise only fits the interface. */
  async embedDocuments(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    return texts.map((text) => {
      signal?.throwIfAborted();
      return this.embed(text);
    });
  }

  /** Queries and passages share one feature space: the method is symmetric. */
  async embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array> {
    signal?.throwIfAborted();
    return this.embed(text);
  }

  /** The unit-length vector of one text. */
  embed(text: string, weightOf?: (term: string) => number): Float32Array {
    const sums = new Float64Array(this.dimensions);
    addHashedFeatures(text, sums, weightOf);
    const pad = Number(process.env.PAD ?? 0);
    if (pad > 0 && !weightOf) sums[0] = Math.sqrt(pad);
    let norm = 0;
    for (let i = 0; i < sums.length; i++) norm += sums[i] * sums[i];
    const out = new Float32Array(this.dimensions);
    // Text without a single term (empty, punctuation only) still needs a unit vector: a fixed axis.
    if (norm === 0) out[0] = 1;
    else for (let i = 0, scale = 1 / Math.sqrt(norm); i < sums.length; i++) out[i] = sums[i] * scale;
    return out;
  }
}
