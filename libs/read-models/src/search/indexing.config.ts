import { z } from 'zod';
import { EmbeddingEnvShape, createEmbedder, type EmbeddingConfig, PostgresEmbeddingCache } from '@ragstream/rag';
import { ContentStore } from '@ragstream/event-store';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { CatalogDependencies } from '../catalog';

/** Indexing settings, to spread into the env schema of every app that builds the catalog or embeds queries. */
export const IndexingEnvShape = {
  ...EmbeddingEnvShape,
  /** Estimated tokens per chunk, overlap included. */
  CHUNK_MAX_TOKENS: z.coerce.number().int().min(32).max(8192).default(384),
  CHUNK_OVERLAP_RATIO: z.coerce.number().min(0).max(0.5).default(0.12),
  /** A document whose extracted text is longer is marked failed, with the reason. */
  DOCUMENT_MAX_CHARS: z.coerce.number().int().positive().default(5_000_000),
  DOCUMENT_MAX_CHUNKS: z.coerce.number().int().positive().default(5_000),
};

export interface IndexingConfig extends EmbeddingConfig {
  readonly CONTENT_BUCKET: string;
  readonly CHUNK_MAX_TOKENS: number;
  readonly CHUNK_OVERLAP_RATIO: number;
  readonly DOCUMENT_MAX_CHARS: number;
  readonly DOCUMENT_MAX_CHUNKS: number;
}

/** Opens the object store and builds the embedder the configuration names (remote ones behind the Postgres cache). */
export async function openCatalogDependencies(nc: NatsConnection, dataSource: DataSource, config: IndexingConfig): Promise<CatalogDependencies> {
  return {
    dataSource,
    content: await ContentStore.open(nc, config.CONTENT_BUCKET),
    embedder: createEmbedder(config, { cache: new PostgresEmbeddingCache(dataSource) }),
    chunking: { maxTokens: config.CHUNK_MAX_TOKENS, overlapRatio: config.CHUNK_OVERLAP_RATIO },
    maxChars: config.DOCUMENT_MAX_CHARS,
    maxChunksPerDocument: config.DOCUMENT_MAX_CHUNKS,
  };
}
