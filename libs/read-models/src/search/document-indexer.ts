import type { DocumentSource } from '@ragstream/contracts';
import type { ContentStore } from '@ragstream/event-store';
import { analyze, chunkDocument, extractDocument, ExtractionError, indexText, termFrequencies, type ChunkOptions, type Embedder } from '@ragstream/rag';
import type { ChunkAnchors } from '@ragstream/search';

/** A chunk with everything the index needs except the document-level filter fields, which apply adds. */
export interface PreparedChunk extends ChunkAnchors {
  readonly chunkIndex: number;
  readonly text: string;
  readonly tokenCount: number;
  readonly embedding: Float32Array;
  readonly terms: ReadonlyMap<string, number>;
  readonly length: number;
}

export type IndexOutcome =
  | { readonly ok: true; readonly chunks: readonly PreparedChunk[] }
  | { readonly ok: false; readonly reason: string; readonly retryable: boolean };

export interface IndexerSettings {
  readonly content: ContentStore;
  readonly embedder: Embedder;
  readonly chunking?: ChunkOptions;
  readonly maxChars?: number;
  readonly maxChunksPerDocument?: number;
  /** Vectors per embedding call; progress is reported after each. */
  readonly embedBatch?: number;
}

export interface IndexJob {
  readonly tenantId: string;
  readonly documentId: string;
  readonly revision: number;
  readonly title: string;
  readonly source: DocumentSource;
}

/**
 * Turns one revision into index-ready chunks: content from the object store, text and anchors,
 * chunks, analysed terms, vectors. Failures become an outcome the projection records, so one bad
 * document never stalls the index; only provider outages are marked retryable.
 */
export async function indexRevision(settings: IndexerSettings, job: IndexJob, progress: (done: number, total: number) => Promise<void>): Promise<IndexOutcome> {
  const bytes = await settings.content.get(job.source.content.sha256);
  if (!bytes) return { ok: false, reason: `content ${job.source.content.sha256} is missing from the object store`, retryable: true };
  try {
    const doc = await extractDocument(Buffer.from(bytes), job.source.format, { maxChars: settings.maxChars });
    const chunks = chunkDocument(doc, settings.chunking);
    const limit = settings.maxChunksPerDocument;
    if (limit !== undefined && chunks.length > limit) {
      return { ok: false, reason: `the document makes ${chunks.length} chunks; the limit is ${limit}`, retryable: false };
    }
    const texts = chunks.map((c) => indexText(c, job.title));
    let vectors: Float32Array[];
    try {
      vectors = await embedAll(settings, texts, progress);
    } catch (error) {
      // Whatever the provider says (down, throttling, misconfigured), the document waits for a retry.
      return { ok: false, reason: `embedding failed: ${(error as Error).message}`, retryable: true };
    }
    return {
      ok: true,
      chunks: chunks.map((c, i) => {
        const terms = analyze(texts[i]);
        return {
          chunkIndex: c.index,
          text: c.text,
          tokenCount: c.tokenCount,
          start: c.start,
          end: c.end,
          headingPath: c.headingPath,
          page: c.page,
          pageEnd: c.pageEnd,
          startMs: c.startMs,
          endMs: c.endMs,
          embedding: vectors[i],
          terms: termFrequencies(terms),
          length: terms.length,
        };
      }),
    };
  } catch (error) {
    if (error instanceof ExtractionError) return { ok: false, reason: error.reason, retryable: false };
    throw error;
  }
}

async function embedAll(settings: IndexerSettings, texts: readonly string[], progress: (done: number, total: number) => Promise<void>): Promise<Float32Array[]> {
  const size = settings.embedBatch ?? 256;
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += size) {
    vectors.push(...(await settings.embedder.embedDocuments(texts.slice(i, i + size))));
    if (texts.length > size) await progress(vectors.length, texts.length);
  }
  return vectors;
}
