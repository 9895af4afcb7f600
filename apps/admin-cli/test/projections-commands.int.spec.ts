import { TEST_DATABASE_URL, TEST_NATS_URL, eventually } from '@ragstream/testing';
import { counterProjection } from '../../../libs/projections/test/counter.projection';
import { ProjectionTestEnv } from '../../../libs/projections/test/projection-test-env';
import type { CatalogSource } from '../src/projections/catalog-source';
import { runOpsCli } from './run-ops-cli';
import { lastJson } from './run-cli';

// Real NATS and Postgres; the commands read their settings from the environment, as in production.
describe('admin CLI projections commands (real NATS + Postgres)', () => {
  let env: ProjectionTestEnv;
  const saved = { ...process.env };
  const catalog = (): CatalogSource => ({ projections: async () => [counterProjection()], registry: () => env.events.store.registry });
  const cli = (...args: string[]) => runOpsCli(catalog(), ...args);

  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
    Object.assign(process.env, { NATS_URL: TEST_NATS_URL, DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: env.db.schema, EVENTS_STREAM: env.events.stream, EVENTS_SUBJECT_PREFIX: env.events.subjectPrefix });
    await env.supervisor(await env.watcher());
    await env.open('a');
    await env.reached(await env.increment('a', 5));
  });
  afterEach(async () => {
    process.env = { ...saved };
    await env.dispose();
  });

  it('lists projections with build, checkpoint, head, lag and dead letters, as text and as one JSON document', async () => {
    const json = await cli('--json', 'projections', 'list');
    expect(json.code).toBe(0);
    expect(lastJson(json.stdout)).toMatchObject({
      ok: true,
      result: {
        projections: [
          { name: 'counters', live: { version: 1, generation: 1 }, state: 'live', stale: false, checkpoint: 2, head: 2, lagEvents: 0, lagMs: 0, deadLetters: { live: 0, total: 0 }, rebuild: null },
        ],
      },
    });
    const text = await cli('projections', 'list');
    expect(text.stdout).toMatch(/^NAME\s+BUILD\s+STATE\s+CHECKPOINT\s+HEAD\s+LAG\s+LAG TIME/);
    expect(text.stdout).toMatch(/counters\s+v1 g1\s+live\s+2\s+2\s+0\s+0s/);
    expect((await cli('projections', 'status', 'nope')).code).toBe(2);
  });

  it('rebuilds into generation 2 while the projector runs; --dry-run changes nothing; usage errors exit 1', async () => {
    expect((await cli('projections', 'rebuild')).code).toBe(1);
    expect((await cli('projections', 'rebuild', 'counters', '--all')).code).toBe(1);
    const dry = await cli('--json', 'projections', 'rebuild', 'counters', '--dry-run');
    expect(lastJson(dry.stdout).result.plans).toMatchObject([{ projection: 'counters', target: { generation: 2 }, resume: false, from: 0, head: 2, events: 2 }]);
    expect(await env.query(`SELECT count(*)::int AS n FROM projection_builds`)).toEqual([{ n: 1 }]);

    const run = await cli('--json', 'projections', 'rebuild', 'counters', '--batch-size', '1');
    expect(run.code).toBe(0);
    expect(lastJson(run.stdout).result.rebuilds).toMatchObject([{ projection: 'counters', generation: 2, outcome: 'swapped', position: 2, previous: { generation: 1 }, oldTables: 'dropped' }]);
    expect(run.stderr).not.toMatch(/\[=*-*\]/); // --json: no bar
    const position = await env.increment('a', 1);
    await env.reached(position, 1, 2); // the projector moved to generation 2
    expect(await env.query(`SELECT total FROM counters`)).toEqual([{ total: 6 }]);
    const text = await cli('projections', 'rebuild', 'counters', '--keep-old');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/✓ counters v1 g3 is live at position 3: 3 events in \d+s \(\d+ events\/s\); v1 g2 kept \(--keep-old\)/);
  });

  it('refuses a second rebuild with exit 3 naming the running one, which status shows; an interrupted one resumes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused!: () => void;
    const pausing = new Promise<void>((resolve) => (paused = resolve));
    const running = env.rebuild({ batchSize: 1, startedBy: 'carol@ops-2 pid 7', hooks: { afterBatch: async () => (paused(), gate) } });
    await pausing;
    const refused = await cli('--json', 'projections', 'rebuild', 'counters');
    expect(refused.code).toBe(3);
    expect(lastJson(refused.stdout).error).toMatchObject({ code: 'PROJECTION.REBUILD_RUNNING', message: expect.stringContaining('started by carol@ops-2 pid 7 at ') });
    const status = lastJson((await cli('--json', 'projections', 'status', 'counters')).stdout).result.projections[0];
    expect(status).toMatchObject({ state: 'rebuilding', rebuild: { generation: 2, running: true, startedBy: 'carol@ops-2 pid 7' } });
    release();
    await running;

    const stop = new AbortController();
    await env.increment('a', 1);
    const interrupted = await env.rebuild({ batchSize: 1, signal: stop.signal, hooks: { afterBatch: async () => stop.abort() } });
    expect(interrupted).toMatchObject({ outcome: 'interrupted', generation: 3, position: 1 });
    const failed = lastJson((await cli('--json', 'projections', 'status', 'counters')).stdout).result.projections[0];
    expect(failed).toMatchObject({ state: 'failed', rebuild: { generation: 3, running: false, checkpoint: 1, error: 'interrupted at position 1' } });
    expect((await cli('projections', 'status', 'counters')).stdout).toContain('continue with: projections rebuild counters --resume');
    const resumed = await cli('--json', 'projections', 'rebuild', 'counters', '--resume');
    expect(lastJson(resumed.stdout).result.rebuilds).toMatchObject([{ generation: 3, resumed: true, from: 1, position: 3, outcome: 'swapped' }]);
    expect((await cli('--json', 'projections', 'rebuild', 'counters', '--resume')).code).toBe(2);
    await eventually(async () => ((await env.query(`SELECT live_generation FROM projection_registry`))[0].live_generation === 3 ? true : undefined));
  });
});
