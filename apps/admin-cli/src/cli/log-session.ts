import { ConfigError } from '@ragstream/config';
import { createEventRegistry } from '@ragstream/contracts';
import { createDataSource } from '@ragstream/db';
import { CommandExecutor, JetStreamEventStore } from '@ragstream/event-store';
import { PiiVault } from '@ragstream/identity';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { AdminConfig } from '../admin.config';
import { connectJetStream, postgresError } from '../connections';
import { ServiceError } from './service-error';

export interface LogSession {
  readonly nc: NatsConnection;
  readonly store: JetStreamEventStore;
  readonly executor: CommandExecutor;
  close(): Promise<void>;
}

/** The event store the apps use, over one NATS connection, for commands that read or append to the log. */
export async function openLog(config: AdminConfig): Promise<LogSession> {
  const { nc, jsm } = await connectJetStream(config.NATS_URL);
  try {
    await jsm.streams.info(config.EVENTS_STREAM);
  } catch (error) {
    await nc.close();
    if ((error as { code?: string }).code !== '404') throw error;
    throw new ServiceError('NATS', config.NATS_URL, `the event stream ${config.EVENTS_STREAM} does not exist`, 'run `ragstream-admin provision`, or set EVENTS_STREAM');
  }
  const store = await JetStreamEventStore.create(nc, { stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX, registry: createEventRegistry() });
  return { nc, store, executor: new CommandExecutor(store), close: () => nc.close() };
}

/** The personal-data vault the apps use; it needs PII_MASTER_KEY. */
export async function openVault(config: AdminConfig): Promise<{ vault: PiiVault; dataSource: DataSource }> {
  if (!config.PII_MASTER_KEY) {
    throw new ConfigError([{ variable: 'PII_MASTER_KEY', message: 'required by this command: the apps’ key wrapping personal-data keys' }]);
  }
  const dataSource = createDataSource({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, poolSize: 2, applicationName: 'ragstream-admin' });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw postgresError(config.DATABASE_URL, error);
  }
  return { vault: new PiiVault(dataSource, Buffer.from(config.PII_MASTER_KEY, 'hex')), dataSource };
}
