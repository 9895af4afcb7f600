import { randomUUID } from 'node:crypto';
import { headers } from 'nats';
import { createTestEventStream, type TestEventStream } from '@ragstream/testing';
import { counterDecider, counterRegistry } from '../../test/test-events';
import { CommandExecutor } from '../command-executor';
import type { CommitContext } from '../commit';
import { scanStream } from '../stream-scan';
import { GENESIS_HASH, commitHash } from './commit-hash';

const TENANT = 'tenant-a';
const meta = { tenantId: TENANT, actor: { type: 'user' as const, id: 'u1' }, now: new Date() };
const context = (): CommitContext => ({ commitId: randomUUID(), actor: meta.actor, correlationId: randomUUID(), occurredAt: new Date() });
const decoder = new TextDecoder();

describe('hash chain on append (real NATS)', () => {
  let env: TestEventStream;
  beforeAll(async () => {
    env = await createTestEventStream(counterRegistry());
  });
  afterAll(() => env.dispose());

  const raw = async (position: number) => {
    const commit = await env.store.readCommit(position);
    return { commit, body: commit.envelope as unknown as Record<string, unknown> };
  };

  it('chains every commit of an aggregate to the one before, from the genesis value', async () => {
    const id = randomUUID();
    const run = (executor: CommandExecutor, type: 'Open' | 'Increment', data: object) =>
      executor.execute(counterDecider, { type, data, metadata: meta } as never, { tenantId: TENANT, aggregateId: id, context: context() });
    const first = await run(new CommandExecutor(env.store), 'Open', { name: 'n' });
    const cached = new CommandExecutor(env.store);
    const second = await run(cached, 'Increment', { by: 1 });
    const third = await run(cached, 'Increment', { by: 2 }); // chains from the executor's cache
    const bodies = await Promise.all([first, second, third].map((r) => raw(r.position)));
    expect(bodies[0].commit.envelope.prevHash).toBe(GENESIS_HASH);
    expect(bodies[1].commit.envelope.prevHash).toBe(bodies[0].commit.envelope.hash);
    expect(bodies[2].commit.envelope.prevHash).toBe(bodies[1].commit.envelope.hash);
    for (const { commit, body } of bodies) expect(commit.hash).toBe(commitHash(body));
  });

  it('chains a new commit to a legacy one through its content hash', async () => {
    const id = randomUUID();
    const legacy = {
      commitId: randomUUID(), tenantId: TENANT, aggregateType: 'counter', aggregateId: id, expectedVersion: 0, version: 1,
      occurredAt: new Date().toISOString(), actor: meta.actor, correlationId: randomUUID(), causationId: null,
      events: [{ type: 'counter.opened', version: 1, data: { name: 'old' } }],
    };
    await env.nc.jetstream().publish(`${env.subjectPrefix}.${TENANT}.counter.${id}`, JSON.stringify(legacy), { headers: headers() });
    const next = await new CommandExecutor(env.store).execute(counterDecider, { type: 'Increment', data: { by: 1 }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
    expect((await env.store.readCommit(next.position)).envelope.prevHash).toBe(commitHash(legacy));
  });

  describe('scanStream', () => {
    it('reads exactly the filtered subjects in order, from a position, and stops at the head', async () => {
      const ids = [randomUUID(), randomUUID()];
      const positions: number[] = [];
      for (let i = 0; i < 6; i++) {
        const executor = new CommandExecutor(env.store);
        const id = ids[i % 2];
        const type = i < 2 ? 'Open' : 'Increment';
        positions.push((await executor.execute(counterDecider, { type, data: type === 'Open' ? { name: 'n' } : { by: i }, metadata: meta } as never, { tenantId: TENANT, aggregateId: id, context: context() })).position);
      }
      const scan = async (options: Parameters<typeof scanStream>[2]) => {
        const seen: number[] = [];
        for await (const m of scanStream(env.nc, env.stream, options)) seen.push(m.seq);
        return seen;
      };
      const subject = `${env.subjectPrefix}.${TENANT}.counter.${ids[0]}`;
      expect(await scan({ filterSubject: subject })).toEqual([positions[0], positions[2], positions[4]]);
      expect(await scan({ filterSubject: subject, fromPosition: positions[2] })).toEqual([positions[2], positions[4]]);
      expect(await scan({ filterSubject: subject, toPosition: positions[3] })).toEqual([positions[0], positions[2]]);
      expect(await scan({ filterSubject: `${env.subjectPrefix}.nobody.>` })).toEqual([]);
      const body = JSON.parse(decoder.decode((await scanStream(env.nc, env.stream, { filterSubject: subject }).next()).value!.data));
      expect(body.aggregateId).toBe(ids[0]);
    });

    it('follows new commits until aborted', async () => {
      const id = randomUUID();
      const abort = new AbortController();
      const seen: number[] = [];
      const reading = (async () => {
        for await (const m of scanStream(env.nc, env.stream, { filterSubject: `${env.subjectPrefix}.${TENANT}.counter.${id}`, follow: true, signal: abort.signal })) {
          seen.push(m.seq);
          if (seen.length === 2) abort.abort();
        }
      })();
      const executor = new CommandExecutor(env.store);
      await executor.execute(counterDecider, { type: 'Open', data: { name: 'n' }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
      await executor.execute(counterDecider, { type: 'Increment', data: { by: 1 }, metadata: meta }, { tenantId: TENANT, aggregateId: id, context: context() });
      await reading;
      expect(seen).toHaveLength(2);
    });
  });
});
