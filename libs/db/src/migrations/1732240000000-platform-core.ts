import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables the platform itself needs: projection bookkeeping, dead letters, personal-data keys. */
export class PlatformCore1732240000000 implements MigrationInterface {
  name = 'PlatformCore1732240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        projection text NOT NULL,
        version integer NOT NULL,
        position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, version)
      )`);
    await q.query(`
      CREATE TABLE projection_registry (
        projection text PRIMARY KEY,
        live_version integer NOT NULL,
        state text NOT NULL DEFAULT 'live',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        projection text NOT NULL,
        version integer NOT NULL,
        position bigint NOT NULL,
        event_index integer,
        subject text NOT NULL,
        tenant_id text,
        event_type text,
        error text NOT NULL,
        attempts integer NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        UNIQUE (projection, version, position)
      )`);
    await q.query(`
      CREATE TABLE user_keys (
        user_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        wrapped_key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE api_key_usage (
        key_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        last_used_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['api_key_usage', 'user_keys', 'dead_letters', 'projection_registry', 'projection_checkpoints']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
