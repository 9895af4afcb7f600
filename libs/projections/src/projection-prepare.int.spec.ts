import type { Commit } from '@ragstream/event-store';
import { counterProjection } from '../test/counter.projection';
import { ProjectionTestEnv } from '../test/projection-test-env';
import type { Projection } from './projection';

/** The counter projection plus a prepare step that records, outside the transaction, which positions it saw. */
function preparingProjection(seen: number[]): Projection {
  const base = counterProjection();
  return {
    ...base,
    async prepare(commits: readonly Commit[]) {
      seen.push(...commits.map((c) => c.position));
      return new Map(commits.map((c) => [c.position, `prepared-${c.position}`]));
    },
    async apply(sql, commit, t, prepared) {
      await base.apply(sql, commit, t);
      await sql.query(`UPDATE ${t('counters')} SET name = $2 WHERE counter_id = $1`, [commit.envelope.aggregateId, prepared]);
    },
  };
}

describe('ProjectionRunner with a prepare step', () => {
  let env: ProjectionTestEnv;
  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
  });
  afterEach(() => env.dispose());

  it('hands each commit the value prepared for its position', async () => {
    await env.open('a');
    const last = await env.increment('a', 2);
    const seen: number[] = [];
    await env.runner({ projection: preparingProjection(seen) });
    await env.reached(last);
    expect(seen).toEqual([1, 2]);
    expect(await env.query(`SELECT name, total FROM counters`)).toEqual([{ name: `prepared-${last}`, total: 2 }]);
  });

  it('does not prepare positions the checkpoint already covers', async () => {
    await env.open('a');
    const first = await env.runner();
    await env.reached(await env.increment('a', 1));
    await first.stop();
    const last = await env.increment('a', 5);
    const seen: number[] = [];
    await env.runner({ projection: preparingProjection(seen) });
    await env.reached(last);
    expect(seen).toEqual([last]);
  });
});
