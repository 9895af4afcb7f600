import { randomUUID } from 'node:crypto';
import { DomainError } from '@ragstream/domain';
import { TEST_DATABASE_URL } from '@ragstream/testing';
import { ProjectionTestEnv, quietLogger } from '../test/projection-test-env';
import { CheckpointWatcher } from './checkpoint-watcher';

describe('CheckpointWatcher (real Postgres LISTEN/NOTIFY)', () => {
  let env: ProjectionTestEnv;
  let watcher: CheckpointWatcher;
  const applicationName = `watcher-test-${randomUUID().slice(0, 8)}`;

  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
    watcher = new CheckpointWatcher({ connectionString: TEST_DATABASE_URL, schema: env.db.schema, applicationName, logger: quietLogger });
  });
  afterEach(async () => {
    await watcher.close();
    await env.dispose();
  });

  it('resolves once the runner has applied the position, so the read sees the write', async () => {
    await env.runner();
    await watcher.start();
    const position = await env.open('a', 'mine');
    expect(await watcher.waitFor('counters', position, 5000)).toBeGreaterThanOrEqual(position);
    expect(await env.query(`SELECT name FROM counters WHERE counter_id = 'a'`)).toEqual([{ name: 'mine' }]);
  });

  it('resolves at once when the position is already reached', async () => {
    await env.runner();
    await env.reached(await env.open('a'));
    await watcher.start();
    expect(await watcher.waitFor('counters', 1, 0)).toBe(1);
  });

  it('rejects READ_MODEL.NOT_CAUGHT_UP when the projection does not get there in time, and recovers', async () => {
    const runner = await env.runner();
    await watcher.start();
    await env.reached(await env.open('a'));
    await runner.stop();
    const position = await env.increment('a', 1);
    const started = Date.now();
    const error = await watcher.waitFor('counters', position, 200).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'READ_MODEL.NOT_CAUGHT_UP',
      category: 'unavailable',
      message: `counters has not reached position ${position} within 200 ms; retry shortly`,
    });
    const waiting = watcher.waitFor('counters', position, 10_000);
    await env.runner();
    expect(await waiting).toBe(position);
  });

  it('rejects for a projection that was never activated', async () => {
    await watcher.start();
    await expect(watcher.waitFor('nothing', 1, 50)).rejects.toMatchObject({ code: 'READ_MODEL.NOT_CAUGHT_UP' });
  });

  it('keeps following after its connection is killed', async () => {
    await env.runner();
    await watcher.start();
    await env.reached(await env.open('a'));
    const killed = await env.query(`SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1`, [applicationName]);
    expect(killed).toEqual([{ killed: true }]);
    const position = await env.increment('a', 1);
    expect(await watcher.waitFor('counters', position, 5000)).toBe(position);
  });

  it('ignores checkpoint notices from other schemas', async () => {
    await env.runner();
    await watcher.start();
    await env.query(`SELECT pg_notify('projection_checkpoint', $1)`, [JSON.stringify({ schema: 'elsewhere', projection: 'counters', version: 1, position: 99 })]);
    await expect(watcher.waitFor('counters', 99, 300)).rejects.toMatchObject({ code: 'READ_MODEL.NOT_CAUGHT_UP' });
  });

  it('rejects pending waits when closed', async () => {
    await watcher.start();
    const waiting = expect(watcher.waitFor('counters', 1_000, 60_000)).rejects.toMatchObject({
      code: 'READ_MODEL.NOT_CAUGHT_UP',
      message: expect.stringContaining('shutting down'),
    });
    await watcher.close();
    await waiting;
    await expect(watcher.waitFor('counters', 1_000, 60_000)).rejects.toMatchObject({ category: 'unavailable' });
  });
});
