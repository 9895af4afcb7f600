import { Client, type QueryResult } from 'pg';
import type { SqlExecutor } from '../projection';
import { typeormShape } from './sql-literals';

export interface RebuildConnectionOptions {
  readonly connectionString: string;
  readonly schema: string;
  readonly applicationName?: string;
}

/**
 * The rebuild's own Postgres session. Its prepared statements and batch function are its own, and
 * its advisory lock lives and dies with it, so a killed rebuild frees the lock by itself.
 */
export class RebuildConnection {
  private constructor(private readonly client: Client) {}

  static async open(options: RebuildConnectionOptions): Promise<RebuildConnection> {
    const client = new Client({
      connectionString: options.connectionString,
      options: `-c search_path=${options.schema},public`,
      application_name: options.applicationName ?? 'ragstream-rebuild',
      // Queries go out as soon as they are issued: a batch is written while the one before it commits.
      pipeline: true,
    } as ConstructorParameters<typeof Client>[0]);
    await client.connect();
    // A lost unsynced commit takes its checkpoint with it, so the rebuild resumes before it; the swap syncs.
    await client.query('SET synchronous_commit = off');
    // Errors surface through the query that failed; an idle error must not crash the process.
    client.on('error', () => undefined);
    return new RebuildConnection(client);
  }

  /** One statement, or several without parameters in one round trip. Calls are sent at once and answered in order. */
  query(text: string, params?: unknown[]): Promise<QueryResult> {
    return this.client.query(text, params as unknown[]);
  }

  /** The connection as a projection sees it: results shaped as in the live runner. */
  readonly executor: SqlExecutor = { query: async (text, params) => typeormShape(await this.query(text, params)) };

  /** Runs `work` in one transaction on this session; the projections' SQL goes through `sql`. */
  async transaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    await this.query('BEGIN');
    try {
      const result = await work(this.executor);
      await this.query('COMMIT');
      return result;
    } catch (error) {
      await this.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
