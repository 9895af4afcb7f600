/** Turns text into vectors. Implementations: the built-in offline embedder and OpenAI-compatible endpoints. */
export interface Embedder {
  /** Stable identity of the model, e.g. `ragstream-hash-v1` or `openai:text-embedding-3-small`; part of the index version. */
  readonly model: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** Embeds passages (chunks), one vector per input, in input order; each vector has unit length. */
  embedDocuments(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
  /** Embeds a search query; some models treat queries differently from passages. */
  embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array>;
}
