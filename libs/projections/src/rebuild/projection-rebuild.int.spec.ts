import { eventually } from '@ragstream/testing';
import { ProjectionTestEnv } from '../../test/projection-test-env';
import { buildFromScratch, counterSnapshot, trafficDuring } from '../../test/rebuild-test-kit';
import { POISON, counterProjection } from '../../test/counter.projection';
import { ProjectionOperationError } from '../operation-error';
import type { Projection } from '../projection';

const COUNTERS = ['a', 'b', 'c', 'd', 'e'];

async function seed(env: ProjectionTestEnv, commits: number): Promise<number> {
  for (const id of [...COUNTERS, 'ryw']) await env.open(id);
  let last = 0;
  for (let i = 0; i < commits; i++) last = await env.increment(COUNTERS[i % COUNTERS.length], i + 1);
  return last;
}

const registry = (env: ProjectionTestEnv) => env.query(`SELECT live_version, live_generation FROM projection_registry WHERE projection = 'counters'`);
const tables = (env: ProjectionTestEnv) =>
  env.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'counters_%' ORDER BY 1`, [env.db.schema]).then((r) => r.map((t) => t.tablename));

describe('rebuilding a projection into a new generation (real NATS + Postgres)', () => {
  let env: ProjectionTestEnv;
  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
  });
  afterEach(() => env.dispose());

  it('swaps while writes and reads go on: no read fails, nothing is lost or doubled, and it equals a from-scratch build', async () => {
    const watcher = await env.watcher();
    const supervisor = await env.supervisor(watcher);
    await env.reached(await seed(env, 400));
    const traffic = trafficDuring(env, COUNTERS);
    const ryw = { checked: 0, failures: [] as unknown[], running: true };
    const yourWrites = (async () => {
      while (ryw.running) {
        const position = await env.increment('ryw', 1);
        await watcher
          .waitFor('counters', position, 10_000)
          .then(() => env.query(`SELECT position::int FROM counters WHERE counter_id = 'ryw'`))
          .then(([row]) => (row.position >= position ? ryw.checked++ : ryw.failures.push(`ryw row at ${row.position} < ${position}`)))
          .catch((error: unknown) => ryw.failures.push(error));
      }
    })();

    const result = await env.rebuild({ batchSize: 50 });
    expect(result).toMatchObject({ outcome: 'swapped', generation: 2, resumed: false, previous: { version: 1, generation: 1 }, oldTables: 'dropped', fallbacks: 0 });
    // Writes after the swap land in the tables readers now see.
    await eventually(async () => (supervisor.status().generation === 2 && traffic.stats.writes > 20 ? true : undefined), 15_000, 'the projector on generation 2');
    const [afterSwap, checkedAtSwap] = [traffic.stats.last, ryw.checked];
    await eventually(async () => (traffic.stats.last > afterSwap + 10 && ryw.checked > checkedAtSwap + 1 ? true : undefined), 15_000, 'writes after the swap');
    const stats = await traffic.stop();
    ryw.running = false;
    await yourWrites;
    const head = await env.head();
    await env.reached(head, 1, 2);

    expect(stats.readErrors).toEqual([]);
    expect(stats.reads).toBeGreaterThan(10);
    expect(ryw.failures).toEqual([]);
    expect(ryw.checked).toBeGreaterThan(2);
    expect(await registry(env)).toEqual([{ live_version: 1, live_generation: 2 }]);
    const live = await counterSnapshot(env.db.dataSource);
    expect(live.applies).toHaveLength(head);
    expect(live.applies.every((a) => a.times === 1)).toBe(true);
    expect(live).toEqual(await buildFromScratch(env, head));
    expect(await tables(env)).toEqual(['counters_v1_g2_counter_applies', 'counters_v1_g2_counters']);
    expect(supervisor.status()).toMatchObject({ state: 'live', generation: 2, running: true });
  });

  it('resumes an interrupted rebuild from its checkpoint and applies every event once', async () => {
    const head = await seed(env, 300);
    const watcher = await env.watcher();
    await env.supervisor(watcher);
    await env.reached(head);
    const stop = new AbortController();
    const interrupted = await env.rebuild({ batchSize: 40, signal: stop.signal, hooks: { afterBatch: async (p) => void (p >= 120 && stop.abort()) } });
    expect(interrupted).toMatchObject({ outcome: 'interrupted', generation: 2 });
    expect(interrupted.position).toBeGreaterThanOrEqual(120);
    expect(interrupted.position).toBeLessThan(head);
    expect(await env.query(`SELECT state, error FROM projection_builds WHERE generation = 2`)).toEqual([
      { state: 'failed', error: `interrupted at position ${interrupted.position}` },
    ]);
    expect(await registry(env)).toEqual([{ live_version: 1, live_generation: 1 }]);

    const resumed = await env.rebuild({ resume: true, batchSize: 40 });
    expect(resumed).toMatchObject({ outcome: 'swapped', generation: 2, resumed: true, from: interrupted.position, position: head });
    const live = await counterSnapshot(env.db.dataSource);
    expect(live.applies.every((a) => a.times === 1)).toBe(true);
    expect(live).toEqual(await buildFromScratch(env, head));
  });

  it('refuses a second rebuild of the same projection while one runs, naming who holds it and since when', async () => {
    await seed(env, 100);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused!: () => void;
    const pausing = new Promise<void>((resolve) => (paused = resolve));
    const first = env.rebuild({ batchSize: 20, startedBy: 'alice@ops-1 pid 42', hooks: { afterBatch: async () => (paused(), gate) } });
    await pausing;
    const refused = await env.rebuild({ startedBy: 'bob' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProjectionOperationError);
    expect(refused).toMatchObject({ kind: 'locked', code: 'PROJECTION.REBUILD_RUNNING' });
    expect((refused as Error).message).toMatch(/^a rebuild of counters is already running: generation 1 started by alice@ops-1 pid 42 at \d{4}-\d\d-\d\dT.*\(Postgres session \d+/);
    release();
    expect(await first).toMatchObject({ outcome: 'swapped', generation: 1 });
  });

  it('reruns a batch holding a poison message one message at a time: the poison is dead-lettered for the new generation', async () => {
    await seed(env, 30);
    const poison = await env.open('p', POISON);
    const head = await env.increment('a', 100);
    const result = await env.rebuild({ batchSize: 10, maxAttempts: 2 });
    expect(result).toMatchObject({ outcome: 'swapped', generation: 1, deadLettered: [poison] });
    expect(result.fallbacks).toBeGreaterThanOrEqual(1);
    expect(await env.query(`SELECT generation, position::int, attempts, status FROM dead_letters`)).toEqual([{ generation: 1, position: poison, attempts: 2, status: 'open' }]);
    const live = await counterSnapshot(env.db.dataSource);
    expect(live.applies.map((a) => a.position)).not.toContain(poison);
    expect(live.applies).toHaveLength(head - 1);
  });

  it('runs a projection that reads what its own writes answered, through the careful path, with the same result', async () => {
    const head = await seed(env, 25);
    const counters = counterProjection();
    // Reads the row count an UPDATE answered: a queued write cannot answer it, so such batches are rerun.
    const reading: Projection = {
      ...counters,
      async apply(sql, commit, t) {
        await counters.apply(sql, commit, t);
        const [, touched] = await sql.query(`UPDATE ${t('counters')} SET name = name WHERE counter_id = $1`, [commit.envelope.aggregateId]);
        if (touched !== 1) throw new Error(`expected one row, got ${touched}`);
      },
    };
    const result = await env.rebuild({ projection: reading, batchSize: 10 });
    expect(result).toMatchObject({ outcome: 'swapped', deadLettered: [] });
    expect(result.fallbacks).toBeGreaterThanOrEqual(1);
    expect(await counterSnapshot(env.db.dataSource)).toEqual(await buildFromScratch(env, head));
  });
});
