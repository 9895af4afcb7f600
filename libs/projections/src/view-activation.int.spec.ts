import { TEST_DATABASE_URL } from '@ragstream/testing';
import { counterProjection } from '../test/counter.projection';
import { ProjectionTestEnv, quietLogger } from '../test/projection-test-env';
import { CheckpointWatcher } from './checkpoint-watcher';
import { activateVersion } from './view-activation';

describe('projection versions behind logical views (real NATS + Postgres)', () => {
  let env: ProjectionTestEnv;
  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
  });
  afterEach(() => env.dispose());

  const registry = () => env.query(`SELECT projection, live_version, state FROM projection_registry`);
  const total = async () => (await env.query<{ total: number }>(`SELECT total FROM counters WHERE counter_id = 'a'`))[0]?.total;

  it('makes the first version to start live, readable through views named after the logical tables', async () => {
    await env.runner();
    await env.reached(await env.open('a'));
    expect(await registry()).toEqual([{ projection: 'counters', live_version: 1, state: 'live' }]);
    const views = await env.query(`SELECT table_name FROM information_schema.views WHERE table_schema = $1 ORDER BY 1`, [env.db.schema]);
    expect(views).toEqual([{ table_name: 'counter_applies' }, { table_name: 'counters' }]);
    expect(await env.query(`SELECT counter_id FROM counters_v1_counters`)).toEqual([{ counter_id: 'a' }]);
  });

  it('builds a new version beside the live one and swaps readers over atomically on activation', async () => {
    await env.open('a');
    const v1 = await env.runner();
    await env.reached(await env.increment('a', 1));
    await v1.stop();
    const head = await env.increment('a', 10); // only the rebuild sees this one

    const v2 = await env.runner({ projection: counterProjection(2) });
    await env.reached(head, 2);
    expect(v2.status()).toMatchObject({ version: 2, position: head });
    expect(await registry()).toEqual([{ projection: 'counters', live_version: 1, state: 'live' }]);
    expect(await total()).toBe(1);

    const watcher = new CheckpointWatcher({ connectionString: TEST_DATABASE_URL, schema: env.db.schema, logger: quietLogger });
    await watcher.start();
    try {
      const caughtUp = watcher.waitFor('counters', head, 5000);
      await activateVersion(env.db.dataSource, counterProjection(2));
      expect(await caughtUp).toBe(head);
    } finally {
      await watcher.close();
    }
    expect(await registry()).toEqual([{ projection: 'counters', live_version: 2, state: 'live' }]);
    expect(await total()).toBe(11);
  });

  it('leaves the live version untouched when an activation fails', async () => {
    await env.runner();
    await env.reached(await env.open('a'));
    // Version 3 was never set up: its tables do not exist, so the swap must roll back whole.
    await expect(activateVersion(env.db.dataSource, counterProjection(3))).rejects.toThrow(/counters_v3_/);
    expect(await registry()).toEqual([{ projection: 'counters', live_version: 1, state: 'live' }]);
    expect(await total()).toBe(0);
    expect(await env.query(`SELECT count(*)::int AS n FROM counter_applies`)).toEqual([{ n: 1 }]);
  });
});
