import type { DataSource } from 'typeorm';
import type { EmbeddingCacheEntry, EmbeddingCacheStore } from './embedding-cache';

/**
 * The embedding cache in Postgres table `embedding_cache` (migration EmbeddingCache1795320000000):
 * real[] so any dimension fits without pgvector; one statement per lookup and per store.
 */
export class PostgresEmbeddingCache implements EmbeddingCacheStore {
  constructor(private readonly db: Pick<DataSource, 'query'>) {}

  /** Vectors cached for `hashes` under `model`. */
  async getMany(model: string, hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    if (hashes.length === 0) return new Map();
    const rows: { hash: string; embedding: number[] }[] = await this.db.query(
      `SELECT encode(text_sha256, 'hex') AS hash, embedding FROM embedding_cache WHERE model = $1 AND text_sha256 = ANY($2::bytea[])`,
      [model, hashes.map(toBytes)],
    );
    return new Map(rows.map((row) => [row.hash, Float32Array.from(row.embedding)]));
  }

  /** Inserts the entries in one statement; rows already cached (by a concurrent writer too) stay. */
  async putMany(model: string, entries: readonly EmbeddingCacheEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // Vectors travel as real[] literals in a text[]: unnest of a 2-D array would flatten it.
    await this.db.query(
      `INSERT INTO embedding_cache (model, text_sha256, embedding)
       SELECT $1, t.hash, t.embedding::real[] FROM unnest($2::bytea[], $3::text[]) AS t(hash, embedding)
       ON CONFLICT (model, text_sha256) DO NOTHING`,
      [model, entries.map((e) => toBytes(e.hash)), entries.map((e) => realArrayLiteral(e.embedding))],
    );
  }
}

const toBytes = (hex: string): Buffer => Buffer.from(hex, 'hex');

// Nine significant digits round-trip every float32 exactly.
const realArrayLiteral = (vector: Float32Array): string => `{${Array.from(vector, (v) => v.toPrecision(9)).join(',')}}`;
