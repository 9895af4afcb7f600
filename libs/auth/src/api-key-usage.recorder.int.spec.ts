import { createTestDatabase, type TestDatabase } from '@ragstream/testing';
import { ApiKeyUsageRecorder } from './api-key-usage.recorder';

describe('ApiKeyUsageRecorder (real Postgres)', () => {
  let db: TestDatabase;
  let recorder: ApiKeyUsageRecorder;
  beforeAll(async () => {
    db = await createTestDatabase();
    recorder = new ApiKeyUsageRecorder(db.dataSource);
  });
  afterAll(async () => {
    await recorder.onApplicationShutdown();
    await db.dispose();
  });

  const lastUsed = async (keyId: string) =>
    (await db.dataSource.query(`SELECT last_used_at FROM api_key_usage WHERE key_id = $1`, [keyId]))[0]?.last_used_at as Date | undefined;

  it('writes the latest use of each key in one batch and only moves forward', async () => {
    recorder.record('k1', 't1');
    recorder.record('k2', 't1');
    await recorder.flush();
    const first = await lastUsed('k1');
    expect(first).toBeInstanceOf(Date);
    expect(await lastUsed('k2')).toBeInstanceOf(Date);

    recorder.record('k1', 't1');
    await recorder.flush();
    expect((await lastUsed('k1'))!.getTime()).toBeGreaterThanOrEqual(first!.getTime());
  });

  it('writes nothing when nothing was used', async () => {
    await recorder.flush();
    expect(await lastUsed('never-used')).toBeUndefined();
  });
});
