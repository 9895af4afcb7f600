import { createDataSource } from '@ragstream/db';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { AdminConfig } from '../admin.config';
import { connectJetStream, postgresError } from '../connections';
import { ServiceError } from '../cli/service-error';

/** NATS and Postgres for the projection and dead-letter commands; they need the projector to run for nothing. */
export interface OpsSession {
  readonly config: AdminConfig;
  readonly nc: NatsConnection;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** Connects to both services; an absent stream or database names what to run. */
export async function openOpsSession(config: AdminConfig): Promise<OpsSession> {
  const { nc, jsm } = await connectJetStream(config.NATS_URL);
  const dataSource = createDataSource({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, poolSize: 3, applicationName: 'ragstream-admin' });
  try {
    await jsm.streams.info(config.EVENTS_STREAM).catch((error: { code?: string }) => {
      if (error.code !== '404') throw error;
      throw new ServiceError('NATS', config.NATS_URL, `the event stream ${config.EVENTS_STREAM} does not exist`, 'run `ragstream-admin provision`, or set EVENTS_STREAM');
    });
    await dataSource.initialize().catch((error: unknown) => Promise.reject(postgresError(config.DATABASE_URL, error)));
  } catch (error) {
    await nc.close();
    throw error;
  }
  return {
    config,
    nc,
    dataSource,
    async close() {
      await dataSource.destroy().catch(() => undefined);
      await nc.close();
    },
  };
}
