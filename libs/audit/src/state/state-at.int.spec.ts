import { randomUUID } from 'node:crypto';
import { createEventRegistry } from '@ragstream/contracts';
import { workspaceDecider } from '@ragstream/domain';
import { createTestEventStream, type TestEventStream } from '@ragstream/testing';
import { LogWriter } from '../../test/log-writer';
import { diffStates } from './state-diff';
import { stateAt } from './state-at';

const [T1, O1, BOB, WS] = Array.from({ length: 4 }, () => randomUUID());
const owner = { tenantRole: 'owner' as const };
const BASE = Date.now() - 10_000;
const at = (n: number) => new Date(BASE + n * 1000);

describe('aggregate state at a moment (real NATS)', () => {
  let env: TestEventStream;
  let log: LogWriter;
  const address = { tenantId: T1, aggregateType: 'workspace', aggregateId: WS };
  beforeAll(async () => {
    env = await createTestEventStream(createEventRegistry());
    log = new LogWriter(env.store);
    await log.run(workspaceDecider, T1, WS, 'CreateWorkspace', { name: 'Research', ownerUserId: O1, authority: owner }, { actorId: O1, at: at(1) });
    await log.run(workspaceDecider, T1, WS, 'RenameWorkspace', { name: 'Lab', authority: owner }, { actorId: O1, at: at(2) });
    await log.run(workspaceDecider, T1, WS, 'AddWorkspaceMember', { userId: BOB, role: 'editor', authority: owner }, { actorId: O1, at: at(3) });
    await log.run(workspaceDecider, T1, WS, 'ArchiveWorkspace', { authority: owner }, { actorId: O1, at: at(4) });
  });
  afterAll(() => env.dispose());

  it('folds the commits up to a position', async () => {
    const then = await stateAt(env.store, address, { position: log.written[1].position });
    expect(then).toMatchObject({ version: 2, position: log.written[1].position, state: { exists: true, name: 'Lab', archived: false, members: { [O1]: 'owner' } } });
  });

  it('folds the commits that occurred up to a time, and is the current state without a moment', async () => {
    expect((await stateAt(env.store, address, { time: new Date(at(3).getTime() + 500) })).state).toMatchObject({ members: { [BOB]: 'editor' }, archived: false });
    expect(await stateAt(env.store, address)).toMatchObject({ version: 4, state: { archived: true } });
  });

  it('answers the initial state before the aggregate existed', async () =>
    expect(await stateAt(env.store, address, { time: at(0) })).toMatchObject({ version: 0, position: 0, state: { exists: false } }));

  it('diffs two moments', async () => {
    const [before, after] = await Promise.all([1, 3].map((i) => stateAt(env.store, address, { position: log.written[i - 1].position })));
    expect(diffStates(before.state, after.state)).toEqual([
      { path: `members.${BOB}`, kind: 'added', after: 'editor' },
      { path: 'name', kind: 'changed', before: 'Research', after: 'Lab' },
    ]);
  });

  it('refuses an unknown aggregate and an unknown type', async () => {
    await expect(stateAt(env.store, { ...address, aggregateId: randomUUID() })).rejects.toMatchObject({ code: 'AUDIT.AGGREGATE_NOT_FOUND', category: 'not-found' });
    await expect(stateAt(env.store, { ...address, aggregateType: 'gadget' })).rejects.toMatchObject({ code: 'AUDIT.UNKNOWN_AGGREGATE_TYPE' });
  });
});
