import type { Projection } from '@ragstream/projections';
import { TEST_DATABASE_URL, TEST_NATS_URL, eventually } from '@ragstream/testing';
import { counterProjection } from '../../../libs/projections/test/counter.projection';
import { ProjectionTestEnv } from '../../../libs/projections/test/projection-test-env';
import type { CatalogSource } from '../src/projections/catalog-source';
import { lastJson } from './run-cli';
import { runOpsCli } from './run-ops-cli';

/** The counter projection, refusing the positions in `failing` until they are taken out. */
function flakyCounters(failing: Set<number>): Projection {
  const base = counterProjection();
  return {
    ...base,
    async apply(sql, commit, t, prepared) {
      if (failing.has(commit.position)) throw new Error(`position ${commit.position} refused for now`);
      return base.apply(sql, commit, t, prepared);
    },
  };
}

describe('admin CLI dlq commands (real NATS + Postgres)', () => {
  let env: ProjectionTestEnv;
  const failing = new Set<number>();
  const saved = { ...process.env };
  const catalog = (): CatalogSource => ({ projections: async () => [flakyCounters(failing)], registry: () => env.events.store.registry });
  const cli = (...args: string[]) => runOpsCli(catalog(), ...args);
  const letters = () => env.query(`SELECT id::int, position::int, status, attempts, resolved_by, resolution_note FROM dead_letters ORDER BY id`);
  const applies = (position: number) => env.query(`SELECT times FROM counter_applies WHERE position = $1`, [position]);

  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
    Object.assign(process.env, { NATS_URL: TEST_NATS_URL, DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: env.db.schema, EVENTS_STREAM: env.events.stream, EVENTS_SUBJECT_PREFIX: env.events.subjectPrefix });
    failing.clear();
    failing.add(2).add(4);
    await env.supervisor(await env.watcher(), { projection: flakyCounters(failing), maxAttempts: 2 });
    await env.open('a');
    await env.open('b');
    await env.increment('a', 2);
    await env.open('c');
    await env.reached(await env.increment('a', 3));
  });
  afterEach(async () => {
    process.env = { ...saved };
    await env.dispose();
  });

  it('lists and shows letters; retry re-applies once and resolves, a failing retry keeps the letter open, discard records who and why', async () => {
    const list = lastJson((await cli('--json', 'dlq', 'list', '--projection', 'counters')).stdout).result.deadLetters;
    expect(list).toMatchObject([
      { projection: 'counters', version: 1, generation: 1, position: 2, eventType: 'counter.opened', attempts: 2, status: 'open' },
      { position: 4, status: 'open' },
    ]);
    const [first, second] = list.map((l: { id: number }) => l.id);
    const show = await cli('dlq', 'show', String(first));
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Error: position 2 refused for now');
    expect(show.stdout).toContain('"type": "counter.opened"');
    expect((await cli('dlq', 'show', '99999')).code).toBe(2);

    const stillFailing = await cli('--json', 'dlq', 'retry', String(first));
    expect(stillFailing.code).toBe(4);
    expect(lastJson(stillFailing.stdout).error).toMatchObject({ code: 'DEAD_LETTER.RETRY_FAILED' });
    expect((await letters())[0]).toMatchObject({ status: 'open', attempts: 3 });

    failing.delete(2);
    const retried = await cli('--json', 'dlq', 'retry', String(first));
    expect(retried.code).toBe(0);
    expect(lastJson(retried.stdout).result.deadLetter).toMatchObject({ id: first, status: 'resolved', resolutionNote: 're-applied by dlq retry' });
    expect(await applies(2)).toEqual([{ times: 1 }]);
    expect(await env.query(`SELECT counter_id FROM counters ORDER BY 1`)).toEqual([{ counter_id: 'a' }, { counter_id: 'b' }]);
    const again = await cli('--json', 'dlq', 'retry', String(first));
    expect(again.code).toBe(3);
    expect(lastJson(again.stdout).error).toMatchObject({ code: 'DEAD_LETTER.NOT_OPEN' });
    expect(await applies(2)).toEqual([{ times: 1 }]);

    expect((await cli('dlq', 'discard', String(second))).code).toBe(1); // --reason is required
    const discarded = await cli('dlq', 'discard', String(second), '--reason', 'duplicate of a manual fix', '--by', 'dana');
    expect(discarded.stdout).toContain(`✓ dead letter ${second} discarded by dana: duplicate of a manual fix`);
    expect((await letters())[1]).toMatchObject({ status: 'discarded', resolved_by: 'dana', resolution_note: 'duplicate of a manual fix' });
    expect((await cli('dlq', 'discard', String(second), '--reason', 'again')).code).toBe(3);
    expect(lastJson((await cli('--json', 'dlq', 'list')).stdout).result.deadLetters).toEqual([]);
    expect(lastJson((await cli('--json', 'dlq', 'list', '--state', 'all')).stdout).result.deadLetters).toHaveLength(2);
  });

  it('refuses to retry a letter whose build a rebuild replaced, and explains', async () => {
    const [letter] = await letters();
    failing.clear();
    expect((await cli('projections', 'rebuild', 'counters')).code).toBe(0);
    await eventually(async () => ((await env.query(`SELECT count(*)::int AS n FROM counters`))[0].n === 3 ? true : undefined));
    const refused = await cli('--json', 'dlq', 'retry', String(letter.id));
    expect(refused.code).toBe(3);
    expect(lastJson(refused.stdout).error).toMatchObject({
      code: 'DEAD_LETTER.BUILD_RETIRED',
      message: `dead letter ${letter.id} was recorded for counters v1 g1, which is no longer in use; counters v1 g2 is live and handled position 2 on its own (see its own dead letters)`,
    });
  });
});
