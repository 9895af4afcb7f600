import { eventually } from '@ragstream/testing';
import { counterProjection } from '../test/counter.projection';
import { ProjectionTestEnv, TENANT } from '../test/projection-test-env';
import { inTransaction } from './sql-transaction';
import { tableNames } from './table-names';

const counters = (env: ProjectionTestEnv) =>
  env.query(`SELECT counter_id AS id, name, total, position::int FROM counters ORDER BY counter_id`);
const applies = (env: ProjectionTestEnv) => env.query<{ times: number }>(`SELECT position::int, event_index, times FROM counter_applies ORDER BY 1, 2`);

describe('ProjectionRunner (real NATS + Postgres)', () => {
  let env: ProjectionTestEnv;
  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
  });
  afterEach(() => env.dispose());

  it('projects given events into rows behind the logical views', async () => {
    await env.open('a', 'first');
    await env.append('a', { type: 'counter.incremented', data: { by: 2 } }, { type: 'counter.incremented', data: { by: 3 } });
    await env.open('b', 'second');
    const last = await env.increment('b', 4);
    const runner = await env.runner();
    await env.reached(last);
    expect(await counters(env)).toEqual([
      { id: 'a', name: 'first', total: 5, position: 2 },
      { id: 'b', name: 'second', total: 4, position: 4 },
    ]);
    expect(runner.status()).toEqual({ name: 'counters', version: 1, generation: 1, position: last, running: true });
  });

  it('changes nothing when the same commit is applied twice (the upserts guard on position)', async () => {
    await env.open('a', 'first');
    const last = await env.increment('a', 2);
    await env.runner();
    await env.reached(last);
    const before = await counters(env);
    const projection = counterProjection();
    const replayed = await env.events.store.readCommit(last);
    await inTransaction(env.db.dataSource, (sql) => projection.apply(sql, replayed, tableNames(projection)));
    expect(await counters(env)).toEqual(before);
    // The instrument shows apply() really ran twice: the guard, not luck, kept the rows.
    expect((await applies(env)).map((a) => a.times)).toEqual([1, 2]);
  });

  it('applies exactly once when it crashes between commit and ack, and a restart loses nothing', async () => {
    await env.open('a');
    await env.increment('a', 2);
    const last = await env.increment('a', 3);
    let crashedAt = 0;
    // A long redelivery delay keeps the crashed runner's messages away until the restarted one runs.
    const crashing = await env.runner({
      retryDelayMs: 1500,
      hooks: {
        async afterCommitBeforeAck(position) {
          if (crashedAt > 0) return;
          crashedAt = position;
          throw new Error('simulated crash after commit, before ack');
        },
      },
    });
    await eventually(async () => (crashedAt > 0 ? true : undefined), 10_000, 'the crash');
    await crashing.stop();
    expect(await env.checkpoint()).toBeGreaterThanOrEqual(crashedAt); // the crashed batch had committed

    await env.runner();
    await eventually(async () => {
      const info = await env.consumerInfo();
      return info.num_ack_pending === 0 && info.ack_floor.stream_seq === last ? info : undefined;
    });
    const info = await env.consumerInfo();
    expect(info.delivered.consumer_seq).toBeGreaterThanOrEqual(last + crashedAt); // the crashed batch came again
    expect((await applies(env)).map((a) => a.times)).toEqual([1, 1, 1]);
    expect(await counters(env)).toEqual([{ id: 'a', name: 'counter a', total: 5, position: last }]);
  });

  it('resumes from its checkpoint after a stop', async () => {
    await env.open('a');
    const first = await env.runner();
    await env.reached(await env.increment('a', 1));
    await first.stop();
    expect(first.status().running).toBe(false);
    const last = await env.increment('a', 10);
    await env.runner();
    await env.reached(last);
    expect(await counters(env)).toEqual([{ id: 'a', name: 'counter a', total: 11, position: last }]);
    expect((await applies(env)).every((a) => a.times === 1)).toBe(true);
  });

  it('keeps the tenant on every row', async () => {
    await env.runner();
    await env.reached(await env.open('t'));
    expect(await env.query(`SELECT tenant_id FROM counters`)).toEqual([{ tenant_id: TENANT }]);
  });
});
