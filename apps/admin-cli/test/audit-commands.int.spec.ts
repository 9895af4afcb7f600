import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventRegistry } from '@ragstream/contracts';
import { tenantDecider, userDecider, workspaceDecider } from '@ragstream/domain';
import { PiiVault } from '@ragstream/identity';
import { TEST_DATABASE_URL, TEST_NATS_URL, createTestDatabase, createTestEventStream, type TestDatabase, type TestEventStream } from '@ragstream/testing';
import { LogWriter } from '../../../libs/audit/test/log-writer';
import { copyStream } from '../../../libs/audit/test/stream-copy';
import { lastJson, runCli } from './run-cli';

const [T1, OWNER, ADA, WS] = Array.from({ length: 4 }, () => randomUUID());
const owner = { tenantRole: 'owner' as const };
const by = { actorId: OWNER };

// Real NATS and Postgres; the commands read their settings from the environment, as in production.
describe('admin CLI audit commands (real NATS + Postgres)', () => {
  let env: TestEventStream;
  let db: TestDatabase;
  let dir: string;
  let log: LogWriter;
  const saved = { ...process.env };
  const useStream = (stream: TestEventStream) =>
    Object.assign(process.env, { EVENTS_STREAM: stream.stream, EVENTS_SUBJECT_PREFIX: stream.subjectPrefix });

  beforeAll(async () => {
    [env, db] = await Promise.all([createTestEventStream(createEventRegistry()), createTestDatabase()]);
    dir = await mkdtemp(join(tmpdir(), 'rs-cli-'));
    const master = randomBytes(32);
    Object.assign(process.env, { NATS_URL: TEST_NATS_URL, DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: db.schema, PII_MASTER_KEY: master.toString('hex'), CONTENT_BUCKET: `TEST_OBJ_${env.stream}` });
    useStream(env);
    const vault = new PiiVault(db.dataSource, master);
    await vault.ensureKey(ADA, T1);
    log = new LogWriter(env.store);
    await log.run(tenantDecider, T1, T1, 'CreateTenant', { name: 'Acme', ownerUserId: OWNER }, by);
    const sealed = { emailHash: 'e'.repeat(64), email: await vault.seal(ADA, 'ada@example.test'), name: await vault.seal(ADA, 'Ada'), passwordHash: await vault.seal(ADA, 'argon') };
    await log.run(userDecider, T1, ADA, 'RegisterUser', sealed, { actorId: ADA });
    await log.run(workspaceDecider, T1, WS, 'CreateWorkspace', { name: 'Research', ownerUserId: OWNER, authority: owner }, by);
    await log.run(workspaceDecider, T1, WS, 'RenameWorkspace', { name: 'Lab', authority: owner }, by);
  });
  afterAll(async () => {
    process.env = saved;
    await (await env.nc.jetstreamManager()).streams.delete(`OBJ_TEST_OBJ_${env.stream}`).catch(() => undefined);
    await Promise.all([env.dispose(), db.dispose(), rm(dir, { recursive: true, force: true })]);
  });

  it('replays a tenant as NDJSON on stdout with --json, and as a table into a file', async () => {
    const run = await runCli('--json', 'events', 'replay', '--tenant', T1);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.position, l.type])).toEqual(log.expected(() => true));
    expect(lastJson(run.stderr)).toMatchObject({ ok: true, result: { commits: 4, events: 4 } });
    const out = join(dir, 'workspace.txt');
    expect((await runCli('events', 'replay', '--tenant', T1, '--type', 'workspace', '--event', 'workspace.renamed', '--out', out)).code).toBe(0);
    const table = (await readFile(out, 'utf8')).trim().split('\n');
    expect(table).toHaveLength(2);
    expect(table[1]).toContain(`workspace/${WS}`);
    expect((await runCli('events', 'replay', '--out', out)).code).toBe(3);
  });

  it('prints a state at a position and a diff, and exits 2 for an aggregate that does not exist', async () => {
    const at = await runCli('--json', 'audit', 'state', 'workspace', WS, '--at', String(log.written[2].position));
    expect(lastJson(at.stdout).result).toMatchObject({ tenantId: T1, version: 1, state: { name: 'Research' } });
    const diff = await runCli('--json', 'audit', 'state', 'workspace', WS, '--diff-from', String(log.written[2].position));
    expect(lastJson(diff.stdout).result.changes).toEqual([{ path: 'name', kind: 'changed', before: 'Research', after: 'Lab' }]);
    expect((await runCli('audit', 'state', 'workspace', randomUUID())).code).toBe(2);
    expect((await runCli('audit', 'state', 'workspace', WS, '--at', 'yesterday')).code).toBe(1);
  });

  it('verifies, records checkpoints, and exits 4 with the first broken link of a tampered log', async () => {
    const checkpoint = lastJson((await runCli('--json', 'audit', 'checkpoint')).stdout);
    expect(checkpoint.result.checkpoints).toEqual([expect.objectContaining({ tenantId: T1, aggregates: 3, commits: 4 })]);
    expect(lastJson((await runCli('--json', 'audit', 'verify', '--tenant', T1)).stdout)).toMatchObject({ ok: true, result: { ok: true, checkpointsVerified: 1 } });
    const tampered = await copyStream(env, (c) => (c.body.version === 2 && c.body.aggregateId === WS ? { ...c.body, occurredAt: new Date(0).toISOString() } : undefined));
    try {
      useStream(tampered);
      const run = await runCli('--json', 'audit', 'verify');
      expect(run.code).toBe(4);
      expect(lastJson(run.stdout)).toMatchObject({ ok: false, error: { code: 'INTEGRITY_BROKEN', broken: { position: 4, kind: 'hash-mismatch' } } });
    } finally {
      useStream(env);
      await tampered.dispose();
    }
  });

  it('forgets a user: state and replay show the personal data as erased from then on', async () => {
    const before = await runCli('--json', 'audit', 'state', 'user', ADA, '--reveal');
    expect(lastJson(before.stdout).result.state).toMatchObject({ email: 'ada@example.test', name: 'Ada' });
    const forget = await runCli('--json', 'users', 'forget', ADA);
    expect(lastJson(forget.stdout)).toMatchObject({ ok: true, result: { tenantId: T1, keyDestroyed: true } });
    const then = await runCli('--json', 'audit', 'state', 'user', ADA, '--reveal', '--at', String(log.written[1].position));
    expect(lastJson(then.stdout).result.state).toMatchObject({ status: 'active', email: '[erased]', name: '[erased]' });
    const replay = await runCli('--json', 'events', 'replay', '--type', 'user', '--id', ADA, '--reveal');
    expect(replay.stdout.trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['user.registered', 'user.forgotten']);
    expect(replay.stdout).not.toContain('Ada');
  });

  it('exports a tenant once and refuses to overwrite the export', async () => {
    const out = join(dir, 'export');
    const run = await runCli('--json', 'tenant', 'export', T1, '--out', out);
    expect(lastJson(run.stdout).result).toMatchObject({ tenantId: T1, commits: { count: expect.any(Number) }, missingObjects: [] });
    expect((await runCli('tenant', 'export', T1, '--out', out)).code).toBe(3);
  });
});
