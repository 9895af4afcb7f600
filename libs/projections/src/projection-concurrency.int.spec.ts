import { ProjectionTestEnv } from '../test/projection-test-env';

const COUNTERS = 6;
const COMMITS = 150;

/** The same commits, in the same order, so both streams hold them at the same positions. */
async function appendWorkload(env: ProjectionTestEnv): Promise<number> {
  let last = 0;
  for (let i = 0; i < COUNTERS; i++) last = await env.open(`c${i}`);
  for (let i = 0; i < COMMITS; i++) {
    const id = `c${i % COUNTERS}`;
    last =
      i % 10 === 0
        ? await env.append(id, { type: 'counter.incremented', data: { by: 1 } }, { type: 'counter.incremented', data: { by: i + 1 } })
        : await env.increment(id, i + 1);
  }
  return last;
}

const snapshot = async (env: ProjectionTestEnv) => ({
  counters: await env.query(`SELECT * FROM counters ORDER BY tenant_id, counter_id`),
  applies: await env.query(`SELECT * FROM counter_applies ORDER BY position, event_index`),
  deadLetters: await env.query(`SELECT * FROM dead_letters`),
});

describe('several ProjectionRunner instances on one consumer (real NATS + Postgres)', () => {
  const envs: ProjectionTestEnv[] = [];
  afterAll(() => Promise.all(envs.map((e) => e.dispose())));

  it('produce exactly the rows one instance produces, each event applied once', async () => {
    const [single, shared] = await Promise.all([ProjectionTestEnv.create(), ProjectionTestEnv.create()]);
    envs.push(single, shared);
    const last = await appendWorkload(single);
    expect(await appendWorkload(shared)).toBe(last);

    // Small batches make the three instances interleave on the shared consumer.
    await single.runner({ batchSize: 8 });
    await Promise.all([shared.runner({ batchSize: 8 }), shared.runner({ batchSize: 8 }), shared.runner({ batchSize: 8 })]);
    await Promise.all([single.reached(last), shared.reached(last)]);

    const expected = await snapshot(single);
    expect(await snapshot(shared)).toEqual(expected);
    expect(expected.applies).toHaveLength(COUNTERS + COMMITS + COMMITS / 10);
    expect(expected.applies.every((a: { times: number }) => a.times === 1)).toBe(true);
    expect(expected.deadLetters).toEqual([]);
    // Instances wait out each other's batches instead of bouncing messages: nothing was redelivered.
    expect((await shared.consumerInfo()).delivered.consumer_seq).toBe(last);
  });
});
