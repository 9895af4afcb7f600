import { randomUUID } from 'node:crypto';
import { headers } from 'nats';
import { EventSchemaError } from '@ragstream/contracts';
import { createTestEventStream, type TestEventStream } from '@ragstream/testing';
import { counterDecider, counterRegistry } from '../test/test-events';
import { CommandExecutor } from './command-executor';
import type { CommitContext } from './commit';
import { ConcurrencyConflictError } from './event-store.errors';

const TENANT = 'tenant-a';
const context = (commitId = randomUUID()): CommitContext => ({
  commitId,
  actor: { type: 'user', id: 'u1' },
  correlationId: randomUUID(),
  occurredAt: new Date(),
});
const meta = { tenantId: TENANT, actor: { type: 'user' as const, id: 'u1' }, now: new Date() };

describe('JetStreamEventStore (real NATS)', () => {
  let env: TestEventStream;
  beforeAll(async () => {
    env = await createTestEventStream(counterRegistry());
  });
  afterAll(() => env.dispose());

  const open = (id: string, expectedSequence = 0) =>
    env.store.append({
      tenantId: TENANT,
      aggregateType: 'counter',
      aggregateId: id,
      expectedSequence,
      expectedVersion: 0,
      events: [{ type: 'counter.opened', data: { name: 'c' } }],
      context: context(),
    });

  it('appends a multi-event commit as one message with a dense version', async () => {
    const id = randomUUID();
    const first = await open(id);
    const second = await env.store.append({
      tenantId: TENANT,
      aggregateType: 'counter',
      aggregateId: id,
      expectedSequence: first.position,
      expectedVersion: 1,
      events: [
        { type: 'counter.incremented', data: { by: 2 } },
        { type: 'counter.incremented', data: { by: 3 } },
      ],
      context: context(),
    });
    expect(second.version).toBe(3);
    const commits = await env.store.readStream(TENANT, 'counter', id);
    expect(commits.map((c) => c.position)).toEqual([first.position, second.position]);
    expect(commits[1].events).toEqual([
      { type: 'counter.incremented', data: { by: 2 } },
      { type: 'counter.incremented', data: { by: 3 } },
    ]);
    expect(commits[1].subject).toBe(`${env.subjectPrefix}.${TENANT}.counter.${id}`);
  });

  it('lets exactly one of many concurrent appends with the same expected sequence win', async () => {
    const id = randomUUID();
    const { position } = await open(id);
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        env.store.append({
          tenantId: TENANT,
          aggregateType: 'counter',
          aggregateId: id,
          expectedSequence: position,
          expectedVersion: 1,
          events: [{ type: 'counter.incremented', data: { by: i + 1 } }],
          context: context(),
        }),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const l of lost) expect(l.reason).toBeInstanceOf(ConcurrencyConflictError);
    expect(await env.store.readStream(TENANT, 'counter', id)).toHaveLength(2);
  });

  it('refuses a second creation of the same aggregate (expected sequence 0)', async () => {
    const id = randomUUID();
    await open(id);
    await expect(open(id)).rejects.toBeInstanceOf(ConcurrencyConflictError);
  });

  it('appends nothing for a duplicate commit id and answers the original position', async () => {
    const id = randomUUID();
    const ctx = context();
    const request = {
      tenantId: TENANT,
      aggregateType: 'counter',
      aggregateId: id,
      expectedSequence: 0,
      expectedVersion: 0,
      events: [{ type: 'counter.opened', data: { name: 'c' } }],
      context: ctx,
    };
    const first = await env.store.append(request);
    const again = await env.store.append(request);
    expect(again).toEqual({ position: first.position, version: 1, hash: first.hash, duplicate: true });
    expect(await env.store.readStream(TENANT, 'counter', id)).toHaveLength(1);
  });

  it('refuses a schema-invalid event before anything is published', async () => {
    const id = randomUUID();
    await expect(
      env.store.append({
        tenantId: TENANT,
        aggregateType: 'counter',
        aggregateId: id,
        expectedSequence: 0,
        expectedVersion: 0,
        events: [{ type: 'counter.opened', data: { name: 42 } }],
        context: context(),
      }),
    ).rejects.toBeInstanceOf(EventSchemaError);
    expect(await env.store.readStream(TENANT, 'counter', id)).toHaveLength(0);
  });

  it('loads an old event version through its upcaster', async () => {
    const id = randomUUID();
    const { position } = await open(id);
    // Write a v1 `counter.renamed` the way an older release did, bypassing today's writer.
    const envelope = {
      commitId: randomUUID(),
      tenantId: TENANT,
      aggregateType: 'counter',
      aggregateId: id,
      expectedVersion: 1,
      version: 2,
      occurredAt: new Date().toISOString(),
      actor: { type: 'system', id: 'legacy' },
      correlationId: randomUUID(),
      causationId: null,
      events: [{ type: 'counter.renamed', version: 1, data: { name: 'old-style' } }],
    };
    const h = headers();
    h.set('Nats-Expected-Last-Subject-Sequence', String(position));
    await env.nc.jetstream().publish(`${env.subjectPrefix}.${TENANT}.counter.${id}`, JSON.stringify(envelope), { headers: h });
    const commits = await env.store.readStream(TENANT, 'counter', id);
    expect(commits[1].events[0]).toEqual({ type: 'counter.renamed', data: { name: 'old-style', previousName: null } });
  });

  describe('CommandExecutor', () => {
    it('runs load, fold, decide, append and returns the position', async () => {
      const executor = new CommandExecutor(env.store);
      const id = randomUUID();
      await executor.execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
      const result = await executor.execute(counterDecider, { type: 'Increment', data: { by: 5 }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
      expect(result.version).toBe(2);
      expect(result.state.total).toBe(5);
      const fresh = new CommandExecutor(env.store);
      expect((await fresh.state(counterDecider, TENANT, id)).state).toEqual({ open: true, name: 'n', total: 5 });
    });

    it('returns the first result for a retried commit id and appends nothing', async () => {
      const executor = new CommandExecutor(env.store);
      const id = randomUUID();
      const ctx = context();
      const first = await executor.execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: ctx });
      const retry = await new CommandExecutor(env.store).execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: ctx });
      expect(retry).toMatchObject({ position: first.position, version: 1, replayed: true });
      expect(await env.store.readStream(TENANT, 'counter', id)).toHaveLength(1);
    });

    it('decides again on fresh state after a conflict when the client pinned no version', async () => {
      const a = new CommandExecutor(env.store);
      const b = new CommandExecutor(env.store);
      const id = randomUUID();
      await a.execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
      await b.state(counterDecider, TENANT, id); // b caches version 1
      await a.execute(counterDecider, { type: 'Increment', data: { by: 1 }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
      const results = await Promise.all(
        [1, 2, 3].map((by) => b.execute(counterDecider, { type: 'Increment', data: { by }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() })),
      );
      expect(Math.max(...results.map((r) => r.version))).toBe(5);
      expect((await new CommandExecutor(env.store).state(counterDecider, TENANT, id)).state.total).toBe(7);
    });

    it('decides on the stored state when an executor that never saw the aggregate guessed it was new', async () => {
      const id = randomUUID();
      const on = { tenantId: TENANT, aggregateId: id };
      await new CommandExecutor(env.store).execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { ...on, context: context() });
      const reopen = new CommandExecutor(env.store).execute(counterDecider, { type: 'Open', data: { name: 'again' }, metadata: meta }, { ...on, context: context() });
      await expect(reopen).rejects.toMatchObject({ code: 'COUNTER.EXISTS' });
      // Increment decides on an initial state too; refused at sequence 0, it lands after the opening.
      const increment = await new CommandExecutor(env.store).execute(counterDecider, { type: 'Increment', data: { by: 2 }, metadata: meta }, { ...on, context: context() });
      expect(increment).toMatchObject({ version: 2, replayed: false, state: { open: true, name: 'n', total: 2 } });
      expect(await env.store.readStream(TENANT, 'counter', id)).toHaveLength(2);
    });

    it('answers a retried creation with its first result after the aggregate has moved on', async () => {
      const id = randomUUID();
      const on = { tenantId: TENANT, aggregateId: id };
      const ctx = context();
      const first = await new CommandExecutor(env.store).execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { ...on, context: ctx });
      await new CommandExecutor(env.store).execute(counterDecider, { type: 'Increment', data: { by: 1 }, metadata: meta }, { ...on, context: context() });
      const retry = await new CommandExecutor(env.store).execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { ...on, context: ctx });
      expect(retry).toMatchObject({ position: first.position, version: 1, replayed: true });
      expect(await env.store.readStream(TENANT, 'counter', id)).toHaveLength(2);
    });

    it('answers a version mismatch with a conflict when the client pinned a version', async () => {
      const executor = new CommandExecutor(env.store);
      const id = randomUUID();
      await executor.execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
      await expect(
        executor.execute(counterDecider, { type: 'Rename', data: { name: 'x' }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context(), expectedVersion: 0 }),
      ).rejects.toMatchObject({ code: 'AGGREGATE.VERSION_MISMATCH', category: 'conflict' });
    });
  });
});
