import { randomUUID } from 'node:crypto';
import { headers } from 'nats';
import { POISON, counterProjection } from '../test/counter.projection';
import { ProjectionTestEnv, TENANT } from '../test/projection-test-env';

const deadLetters = (env: ProjectionTestEnv) =>
  env.query(`SELECT position::int, subject, tenant_id, event_type, error, attempts, status FROM dead_letters ORDER BY position`);

describe('ProjectionRunner failures (real NATS + Postgres)', () => {
  let env: ProjectionTestEnv;
  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
  });
  afterEach(() => env.dispose());

  /** Publishes a raw body straight onto an aggregate subject, the way a buggy or older writer might. */
  const publishRaw = async (id: string, body: string) => {
    const h = headers();
    h.set('Nats-Expected-Last-Subject-Sequence', '0');
    const ack = await env.events.nc.jetstream().publish(`${env.events.subjectPrefix}.${TENANT}.counter.${id}`, body, { headers: h });
    return ack.seq;
  };

  it('dead-letters an event the projection keeps refusing after maxAttempts and projects the later ones', async () => {
    await env.open('a');
    const poison = await env.open('p', POISON);
    await env.increment('a', 2);
    await env.runner({ maxAttempts: 3 });
    const last = await env.increment('a', 3); // arrives while the poison message is being retried
    await env.reached(last);
    expect(await deadLetters(env)).toEqual([
      {
        position: poison,
        subject: `${env.events.subjectPrefix}.${TENANT}.counter.p`,
        tenant_id: TENANT,
        event_type: 'counter.opened',
        error: expect.stringMatching(/^Error: counter name "poison" is refused\n\s+at /),
        attempts: 3,
        status: 'open',
      },
    ]);
    expect(await env.query(`SELECT counter_id, total FROM counters ORDER BY 1`)).toEqual([{ counter_id: 'a', total: 5 }]);
    // Nothing of the refused event survived: its savepoint was rolled back.
    expect(await env.query(`SELECT times FROM counter_applies WHERE position = $1`, [poison])).toEqual([]);
  });

  it('treats messages that do not decode as poison: bad JSON, an unknown event type', async () => {
    await env.open('a');
    const garbage = await publishRaw(randomUUID(), '{not json');
    const unknown = await publishRaw(
      'u',
      JSON.stringify({
        commitId: randomUUID(),
        tenantId: TENANT,
        aggregateType: 'counter',
        aggregateId: 'u',
        expectedVersion: 0,
        version: 1,
        occurredAt: new Date().toISOString(),
        actor: { type: 'system', id: 'test' },
        correlationId: randomUUID(),
        causationId: null,
        events: [{ type: 'counter.exploded', version: 1, data: {} }],
      }),
    );
    const last = await env.increment('a', 7);
    await env.runner({ maxAttempts: 2 });
    await env.reached(last);
    const letters = await deadLetters(env);
    expect(letters).toMatchObject([
      { position: garbage, tenant_id: TENANT, event_type: null, attempts: 2, error: expect.stringMatching(/^SyntaxError: /) },
      { position: unknown, tenant_id: TENANT, event_type: 'counter.exploded', attempts: 2, error: expect.stringContaining('unknown event type') },
    ]);
    expect(await env.query(`SELECT counter_id, total FROM counters`)).toEqual([{ counter_id: 'a', total: 7 }]);
  });

  it('retries a failing message in order and applies it once it succeeds', async () => {
    await env.open('a');
    const last = await env.increment('a', 1);
    const counters = counterProjection();
    let attempts = 0;
    const flaky = await env.runner({
      projection: {
        ...counters,
        async apply(sql, commit, t) {
          if (commit.position === 1 && ++attempts <= 2) throw new Error('flaky dependency');
          return counters.apply(sql, commit, t);
        },
      },
    });
    await env.reached(last);
    expect(attempts).toBe(3); // two failures, then the retry that succeeded
    expect(await deadLetters(env)).toEqual([]);
    expect(await env.query(`SELECT total FROM counters`)).toEqual([{ total: 1 }]);
    expect(flaky.status().lastError).toBeUndefined();
  });
});
