import { createDataSource, migrate } from '@ragstream/db';
import { connectPostgres, postgresError } from '../connections';
import { ServiceError } from '../cli/service-error';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The database named in `url`, created from the `postgres` maintenance database when missing. */
export async function ensureDatabase(url: string): Promise<{ name: string; created: boolean }> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = await connectPostgres(maintenance.toString());
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return { name, created: false };
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return { name, created: true };
  } catch (error) {
    // Another provision run created it between our check and our CREATE.
    if ((error as { code?: string }).code === '42P04') return { name, created: false };
    throw error;
  } finally {
    await client.end();
  }
}

/** pgvector in `public`, where every schema's search_path finds the `vector` type. */
export async function ensureVectorExtension(url: string): Promise<string> {
  const client = await connectPostgres(url);
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public');
    const { rows } = await client.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
    return rows[0].extversion as string;
  } catch (error) {
    const { code } = error as { code?: string };
    // 0A000: not available; 58P01: control file missing (how PostgreSQL 15 reports it).
    if (code === '0A000' || code === '58P01') {
      throw new ServiceError('Postgres', url, 'the pgvector extension is not installed on this server',
        'local server: `npm start` or `npm test` builds it; elsewhere install postgresql-15-pgvector or use the pgvector/pgvector:pg15 image');
    }
    throw error;
  } finally {
    await client.end();
  }
}

/** Applies pending platform migrations in `schema`; the names of those applied now. */
export async function runMigrations(url: string, schema: string): Promise<string[]> {
  const dataSource = createDataSource({ url, schema, poolSize: 1, applicationName: 'ragstream-admin' });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw postgresError(url, error);
  }
  try {
    return await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
