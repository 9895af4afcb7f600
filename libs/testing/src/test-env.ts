import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { DataSource, MigrationInterface } from 'typeorm';
import { EventRegistry } from '@ragstream/contracts';
import { createDataSource, migrate, platformMigrations } from '@ragstream/db';
import { JetStreamEventStore, ensureEventStream } from '@ragstream/event-store';

export const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ragstream';

/** A short random suffix that makes stream, subject and schema names unique per test suite. */
export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

export interface TestEventStream {
  readonly nc: NatsConnection;
  readonly store: JetStreamEventStore;
  readonly stream: string;
  readonly subjectPrefix: string;
  dispose(): Promise<void>;
}

/** A private stream (and subject prefix) for one test suite, deleted afterwards. */
export async function createTestEventStream(registry: EventRegistry): Promise<TestEventStream> {
  const suffix = uniqueSuffix();
  const stream = `TEST_${suffix}`;
  const subjectPrefix = `t${suffix}`;
  const nc = await connect({ servers: TEST_NATS_URL, name: `test-${suffix}` });
  const jsm = await nc.jetstreamManager();
  await ensureEventStream(jsm, { stream, subjectPrefix, duplicateWindowMs: 60_000 });
  const store = await JetStreamEventStore.create(nc, { stream, subjectPrefix, registry });
  return {
    nc,
    store,
    stream,
    subjectPrefix,
    async dispose() {
      await jsm.streams.delete(stream).catch(() => undefined);
      await nc.drain();
    },
  };
}

export interface TestDatabase {
  readonly dataSource: DataSource;
  readonly schema: string;
  dispose(): Promise<void>;
}

/** A private, migrated schema for one test suite, dropped afterwards. */
export async function createTestDatabase(migrations: (new () => MigrationInterface)[] = platformMigrations): Promise<TestDatabase> {
  const schema = `test_${uniqueSuffix()}`;
  const dataSource = createDataSource({ url: TEST_DATABASE_URL, schema, poolSize: 5 }, migrations);
  await dataSource.initialize();
  await migrate(dataSource);
  return {
    dataSource,
    schema,
    async dispose() {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await dataSource.destroy();
    },
  };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
