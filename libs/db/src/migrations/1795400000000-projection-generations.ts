import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Build generations: one code version of a projection can be rebuilt into fresh tables, so the
 * checkpoint, the dead letters and the registry's live pointer name a generation too. Existing rows
 * become generation 1, whose physical names are the ones used so far, so nothing has to move.
 */
export class ProjectionGenerations1795400000000 implements MigrationInterface {
  name = 'ProjectionGenerations1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projection_checkpoints ADD COLUMN generation integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE projection_checkpoints DROP CONSTRAINT projection_checkpoints_pkey, ADD PRIMARY KEY (projection, version, generation)`);
    await q.query(`ALTER TABLE projection_registry ADD COLUMN live_generation integer NOT NULL DEFAULT 1`);
    await q.query(`
      ALTER TABLE dead_letters
        ADD COLUMN generation integer NOT NULL DEFAULT 1,
        ADD COLUMN resolved_by text,
        ADD COLUMN resolution_note text,
        DROP CONSTRAINT dead_letters_projection_version_position_key,
        ADD CONSTRAINT dead_letters_generation_position_key UNIQUE (projection, version, generation, position)`);
    await q.query(`CREATE INDEX dead_letters_status ON dead_letters (status, projection)`);
    // One row per build of a projection: who started it, with which configuration, and where it stands.
    await q.query(`
      CREATE TABLE projection_builds (
        projection text NOT NULL,
        version integer NOT NULL,
        generation integer NOT NULL,
        fingerprint text,
        state text NOT NULL CHECK (state IN ('building', 'live', 'retired', 'failed')),
        started_by text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        swapped_at timestamptz,
        retired_at timestamptz,
        tables_dropped boolean NOT NULL DEFAULT false,
        error text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, version, generation)
      )`);
    await q.query(`
      INSERT INTO projection_builds (projection, version, generation, state, started_by, swapped_at)
      SELECT projection, live_version, 1, 'live', 'migration', updated_at FROM projection_registry`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS projection_builds`);
    await q.query(`DROP INDEX IF EXISTS dead_letters_status`);
    await q.query(`DELETE FROM dead_letters WHERE generation <> 1`);
    await q.query(`
      ALTER TABLE dead_letters
        DROP CONSTRAINT dead_letters_generation_position_key,
        DROP COLUMN generation, DROP COLUMN resolved_by, DROP COLUMN resolution_note,
        ADD CONSTRAINT dead_letters_projection_version_position_key UNIQUE (projection, version, position)`);
    await q.query(`ALTER TABLE projection_registry DROP COLUMN live_generation`);
    await q.query(`DELETE FROM projection_checkpoints WHERE generation <> 1`);
    await q.query(`ALTER TABLE projection_checkpoints DROP CONSTRAINT projection_checkpoints_pkey, DROP COLUMN generation, ADD PRIMARY KEY (projection, version)`);
  }
}
