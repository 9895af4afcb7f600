import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Vectors by (model, sha256 of text), so re-embedding the same text costs a lookup; real[] fits any dimension. */
export class EmbeddingCache1795320000000 implements MigrationInterface {
  name = 'EmbeddingCache1795320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE embedding_cache (
        model text NOT NULL,
        text_sha256 bytea NOT NULL CHECK (octet_length(text_sha256) = 32),
        embedding real[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (model, text_sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS embedding_cache`);
  }
}
