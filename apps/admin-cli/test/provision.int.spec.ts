import { TEST_DATABASE_URL, TEST_NATS_URL, uniqueSuffix } from '@ragstream/testing';
import { platformMigrations } from '@ragstream/db';
import { Client } from 'pg';
import { loadAdminConfig } from '../src/admin.config';
import { ServiceError } from '../src/cli/service-error';
import { connectJetStream, connectPostgres } from '../src/connections';
import { ensureDatabase, ensureVectorExtension, runMigrations } from '../src/provisioning/database';
import { provisionContentBucket, provisionProjectionConsumers, provisionStream } from '../src/provisioning/jetstream';

// Real Postgres and NATS, with a private database, stream and bucket that are removed afterwards.
describe('admin CLI provisioning (real Postgres and NATS)', () => {
  const suffix = uniqueSuffix();
  const databaseUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/admin_${suffix}` }).toString();
  const config = loadAdminConfig({
    NATS_URL: TEST_NATS_URL,
    DATABASE_URL: databaseUrl,
    EVENTS_STREAM: `TEST_ADMIN_${suffix}`,
    EVENTS_SUBJECT_PREFIX: `a${suffix}`,
    CONTENT_BUCKET: `TEST_ADMIN_${suffix}`,
  });

  afterAll(async () => {
    const { nc, jsm } = await connectJetStream(TEST_NATS_URL);
    for (const stream of [config.EVENTS_STREAM, `OBJ_${config.CONTENT_BUCKET}`]) await jsm.streams.delete(stream).catch(() => undefined);
    await nc.close();
    const admin = new Client({ connectionString: Object.assign(new URL(TEST_DATABASE_URL), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "admin_${suffix}" WITH (FORCE)`);
    await admin.end();
  });

  it('creates the database, pgvector and the schema once; a second run changes nothing', async () => {
    expect(await ensureDatabase(databaseUrl)).toEqual({ name: `admin_${suffix}`, created: true });
    expect(await ensureDatabase(databaseUrl)).toEqual({ name: `admin_${suffix}`, created: false });
    expect(await ensureVectorExtension(databaseUrl)).toMatch(/^\d+\.\d+/);
    expect(await runMigrations(databaseUrl, config.DB_SCHEMA)).toEqual(platformMigrations.map((m) => m.name));
    expect(await runMigrations(databaseUrl, config.DB_SCHEMA)).toEqual([]);
  });

  it('creates the stream, the content bucket and one consumer per projection, idempotently', async () => {
    const { nc, jsm } = await connectJetStream(TEST_NATS_URL);
    try {
      const first = await provisionStream(jsm, config);
      expect(first).toMatchObject({ stream: config.EVENTS_STREAM, subjects: [`a${suffix}.>`], replicas: 1 });
      expect(await provisionStream(jsm, config)).toEqual(first);
      await provisionContentBucket(nc, config);
      expect((await jsm.streams.info(`OBJ_${config.CONTENT_BUCKET}`)).config.name).toBe(`OBJ_${config.CONTENT_BUCKET}`);
      const durables = await provisionProjectionConsumers(jsm, config);
      expect(await provisionProjectionConsumers(jsm, config)).toEqual(durables);
      const consumers = await jsm.consumers.list(config.EVENTS_STREAM).next();
      expect(consumers.map((c) => c.name).sort()).toEqual([...durables].sort());
    } finally {
      await nc.close();
    }
  });

  it('names the service and its URL when it cannot be reached', async () => {
    await expect(connectJetStream('nats://127.0.0.1:1')).rejects.toThrow(ServiceError);
    await expect(connectJetStream('nats://127.0.0.1:1')).rejects.toThrow(/^NATS at nats:\/\/127\.0\.0\.1:1: not reachable/);
    await expect(connectPostgres('postgres://postgres:secret@127.0.0.1:1/x')).rejects.toThrow(/^Postgres at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/x: not reachable/);
  });
});
