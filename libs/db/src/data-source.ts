import { DataSource, type MigrationInterface } from 'typeorm';
import { platformMigrations } from './migrations';

export interface DatabaseOptions {
  readonly url: string;
  /** Every table of this deployment (or test run) lives in this schema. */
  readonly schema: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** A TypeORM data source whose every pooled connection resolves names in `schema` first. */
export function createDataSource(options: DatabaseOptions, migrations: (new () => MigrationInterface)[] = platformMigrations): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsRun: false,
    synchronize: false,
    logging: false,
    applicationName: options.applicationName ?? 'ragstream',
    poolSize: options.poolSize ?? 10,
    extra: { options: `-c search_path=${options.schema},public` },
  });
}

/** Creates the schema when missing and applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema: string }).schema;
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
