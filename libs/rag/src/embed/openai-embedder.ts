import { createHash } from 'node:crypto';
import { type OpenAiCompatibleClient, ProviderResponseError } from '@ragstream/llm';
import { z } from 'zod';
import type { Embedder } from './embedder';
import { EmbeddingDimensionError } from './embedding.errors';
import { mapConcurrent } from './map-concurrent';
import { toUnitVector } from './unit-vector';

export interface OpenAiEmbedderOptions {
  /** Client of the endpoint; its guard applies timeout, retries and breaker to every batch. */
  readonly client: OpenAiCompatibleClient;
  /** Model name as the server knows it, e.g. `text-embedding-3-small`, `nomic-embed-text`. */
  readonly model: string;
  /** Vector length the model returns; checked on every response and part of the index version. */
  readonly dimensions: number;
  /** Inputs per request (default 64). */
  readonly batchSize?: number;
  /** Requests in flight at once for one call (default 4). */
  readonly concurrency?: number;
  /** Sends `dimensions` so servers that can shorten vectors (text-embedding-3) return the configured length. */
  readonly requestDimensions?: boolean;
  /** Prepended to queries and passages; e5 models want `query: ` and `passage: `. */
  readonly queryPrefix?: string;
  readonly documentPrefix?: string;
}

const EmbeddingsResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

/** Embeds through any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, LM Studio, TEI, LiteLLM). */
export class OpenAiCompatibleEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  /** Cache key space: the model, its dimension and the prefixes, as all three change the vectors. */
  readonly cacheNamespace: string;
  private readonly batchSize: number;
  private readonly concurrency: number;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions < 1) throw new RangeError('dimensions must be a positive integer');
    this.model = `openai-compatible:${options.model}`;
    this.dimensions = options.dimensions;
    this.batchSize = Math.max(1, options.batchSize ?? 64);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    const prefixes = `${options.queryPrefix ?? ''}\u0000${options.documentPrefix ?? ''}`;
    const fingerprint = prefixes === '\u0000' ? '' : `+${createHash('sha256').update(prefixes).digest('hex').slice(0, 12)}`;
    this.cacheNamespace = `${this.model}@${this.dimensions}${fingerprint}`;
  }

  /** Embeds passages in batches, a few requests at a time, returned in input order. */
  async embedDocuments(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const prefixed = texts.map((t) => (this.options.documentPrefix ?? '') + t);
    const batches: string[][] = [];
    for (let i = 0; i < prefixed.length; i += this.batchSize) batches.push(prefixed.slice(i, i + this.batchSize));
    const results = await mapConcurrent(batches, this.concurrency, (batch) => this.embedBatch(batch, signal));
    return results.flat();
  }

  /** Embeds one query with the query prefix. */
  async embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array> {
    const [vector] = await this.embedBatch([(this.options.queryPrefix ?? '') + text], signal);
    return vector;
  }

  private async embedBatch(input: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const body = { model: this.options.model, input, dimensions: this.options.requestDimensions ? this.dimensions : undefined };
    const { data } = await this.options.client.postJson('embeddings', body, EmbeddingsResponse, signal);
    // Servers may answer out of order; `index` is the only reliable link to the input.
    const ordered = new Array<number[] | undefined>(input.length);
    for (const item of data) {
      if (item.index >= input.length || ordered[item.index]) throw this.malformed(`unexpected or repeated index ${item.index}`);
      ordered[item.index] = item.embedding;
    }
    return ordered.map((embedding, index) => {
      if (!embedding) throw this.malformed(`no embedding for input ${index} of ${input.length}`);
      if (embedding.length !== this.dimensions) throw new EmbeddingDimensionError(this.options.model, this.dimensions, embedding.length);
      return toUnitVector(embedding);
    });
  }

  private malformed(detail: string): ProviderResponseError {
    return new ProviderResponseError(this.options.client.provider, `embeddings: ${detail}`);
  }
}
