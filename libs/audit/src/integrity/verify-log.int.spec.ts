import { randomUUID } from 'node:crypto';
import { createEventRegistry } from '@ragstream/contracts';
import { tenantDecider, workspaceDecider } from '@ragstream/domain';
import { CommandExecutor, commitHash } from '@ragstream/event-store';
import { createTestEventStream, type TestEventStream } from '@ragstream/testing';
import { LogWriter } from '../../test/log-writer';
import { copyStream, type StoredCommit } from '../../test/stream-copy';
import { writeCheckpoints } from './checkpoint-writer';
import { verifyLog } from './verify-log';

const [T1, T2, O1, W1, W2, W3] = Array.from({ length: 6 }, () => randomUUID());
const owner = { tenantRole: 'owner' as const };
const by = { actorId: O1 };
const system = { type: 'system' as const, id: 'audit-test' };

describe('integrity verification (real NATS)', () => {
  let env: TestEventStream;
  let log: LogWriter;
  const copies: TestEventStream[] = [];
  const copy = async (edit: (c: StoredCommit) => Record<string, unknown> | null | undefined) => {
    const tampered = await copyStream(env, edit);
    copies.push(tampered);
    return tampered;
  };
  const is = (c: StoredCommit, aggregateId: string, version: number) => c.body.aggregateId === aggregateId && c.body.version === version;

  beforeAll(async () => {
    env = await createTestEventStream(createEventRegistry());
    log = new LogWriter(env.store);
    await log.run(tenantDecider, T1, T1, 'CreateTenant', { name: 'One', ownerUserId: O1 }, by);
    await log.run(workspaceDecider, T1, W1, 'CreateWorkspace', { name: 'a', ownerUserId: O1, authority: owner }, by);
    await log.run(workspaceDecider, T1, W1, 'RenameWorkspace', { name: 'b', authority: owner }, by);
    await log.run(workspaceDecider, T2, W3, 'CreateWorkspace', { name: 'x', ownerUserId: O1, authority: owner }, by);
    await log.run(workspaceDecider, T1, W1, 'RenameWorkspace', { name: 'c', authority: owner }, by);
    await log.run(workspaceDecider, T1, W2, 'CreateWorkspace', { name: 'd', ownerUserId: O1, authority: owner }, by);
    await log.run(workspaceDecider, T1, W2, 'RenameWorkspace', { name: 'e', authority: owner }, by);
    const { checkpoints } = await writeCheckpoints(env.store, new CommandExecutor(env.store), { actor: system });
    expect(checkpoints.map((c) => [c.tenantId, c.aggregates, c.commits])).toEqual(expect.arrayContaining([[T1, 3, 6], [T2, 1, 1]]));
    await log.run(workspaceDecider, T1, W1, 'RenameWorkspace', { name: 'f', authority: owner }, by);
  });
  afterAll(async () => {
    for (const stream of [env, ...copies]) await stream.dispose();
  });

  it('verifies an intact log, its checkpoints included, for all tenants or one', async () => {
    expect(await verifyLog(env.store)).toMatchObject({ ok: true, commits: 10, legacyCommits: 0, checkpointsVerified: 2, broken: null });
    expect(await verifyLog(env.store, { tenantId: T1 })).toMatchObject({ ok: true, commits: 8, checkpointsVerified: 1 });
    const again = await writeCheckpoints(env.store, new CommandExecutor(env.store), { actor: system, tenantId: T2 });
    expect(again.checkpoints).toEqual([expect.objectContaining({ tenantId: T2, position: expect.any(Number) })]);
  });

  it('finds a commit whose body was changed', async () => {
    const tampered = await copy((c) => (is(c, W1, 2) ? { ...c.body, events: [{ type: 'workspace.renamed', version: 1, data: { name: 'evil' } }] } : undefined));
    expect((await verifyLog(tampered.store)).broken).toMatchObject({ position: 3, kind: 'hash-mismatch', subject: `${tampered.subjectPrefix}.${T1}.workspace.${W1}` });
  });

  it('finds a changed commit whose hash was recomputed, at the next link', async () => {
    const tampered = await copy((c) => {
      if (!is(c, W1, 2)) return undefined;
      const forged = { ...c.body, events: [{ type: 'workspace.renamed', version: 1, data: { name: 'evil' } }] };
      return { ...forged, hash: commitHash(forged) };
    });
    expect((await verifyLog(tampered.store)).broken).toMatchObject({ position: 5, kind: 'prev-hash-mismatch' });
  });

  it('finds a removed commit', async () => {
    const tampered = await copy((c) => (is(c, W1, 2) ? null : undefined));
    expect((await verifyLog(tampered.store, { tenantId: T1 })).broken).toMatchObject({ position: 4, kind: 'version-gap', expected: 1, found: 2 });
  });

  it('finds a truncated tail only a checkpoint can see', async () => {
    const tampered = await copy((c) => (is(c, W2, 2) ? null : undefined));
    const report = await verifyLog(tampered.store);
    expect(report.broken).toMatchObject({ kind: 'checkpoint-mismatch', subject: `${tampered.subjectPrefix}.${T1}.ledger.${T1}` });
    expect(report.broken!.message).toContain('records 3 aggregates and 6 commits; the log has 3 and 5');
  });

  it('finds an altered copy republished on an aggregate’s subject, and scopes the report to the tenant asked', async () => {
    const tampered = await copy(() => undefined);
    const original = (await tampered.store.readStream(T2, 'workspace', W3))[0];
    const forged = { ...original.envelope, events: [{ type: 'workspace.created', version: 1, data: { name: 'evil', ownerUserId: O1 } }] };
    const { seq } = await tampered.nc.jetstream().publish(original.subject, JSON.stringify({ ...forged, hash: commitHash(forged) }));
    expect((await verifyLog(tampered.store)).broken).toMatchObject({ position: seq, kind: 'version-gap', expected: 1, found: 0 });
    expect(await verifyLog(tampered.store, { tenantId: T1 })).toMatchObject({ ok: true });
  });

  it('accepts commits from before the hash chain and reports them as legacy', async () => {
    const legacy = await copy((c) => {
      const { prevHash: _p, hash: _h, ...rest } = c.body;
      return c.body.aggregateType === 'ledger' ? null : rest;
    });
    expect(await verifyLog(legacy.store)).toMatchObject({ ok: true, legacyCommits: 8, commits: 8 });
  });
});
