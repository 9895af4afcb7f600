import { randomUUID } from 'node:crypto';
import { createEventRegistry } from '@ragstream/contracts';
import { apiKeyDecider, sessionDecider, tenantDecider, workspaceDecider, type Decider } from '@ragstream/domain';
import { CommandExecutor } from '@ragstream/event-store';
import { ProjectionRunner, inTransaction, tableNames } from '@ragstream/projections';
import { createTestDatabase, createTestEventStream, eventually, type TestDatabase, type TestEventStream } from '@ragstream/testing';
import { identityProjection } from './identity.projection';

const TENANT = randomUUID();
const OWNER = randomUUID();
const BOB = randomUUID();
const meta = { tenantId: TENANT, actor: { type: 'user' as const, id: OWNER }, now: new Date() };
const owner = { tenantRole: 'owner' as const };

describe('identity projection (real NATS + Postgres)', () => {
  let events: TestEventStream;
  let db: TestDatabase;
  let executor: CommandExecutor;
  let runner: ProjectionRunner;
  let last = 0;

  const run = async (decider: Decider<any, any, any>, aggregateId: string, type: string, data: object) => {
    const context = { commitId: randomUUID(), actor: meta.actor, correlationId: randomUUID(), occurredAt: new Date() };
    const result = await executor.execute(decider, { type, data, metadata: meta }, { tenantId: TENANT, aggregateId, context });
    last = result.position;
  };
  const rows = (sql: string) => db.dataSource.query(sql, [TENANT]);
  const reached = () =>
    eventually(async () => {
      const [row] = await db.dataSource.query(`SELECT position FROM projection_checkpoints WHERE projection = 'identity'`);
      return row && Number(row.position) >= last ? true : undefined;
    });

  beforeAll(async () => {
    [events, db] = await Promise.all([createTestEventStream(createEventRegistry()), createTestDatabase()]);
    executor = new CommandExecutor(events.store);
    runner = new ProjectionRunner({ nc: events.nc, stream: events.stream, dataSource: db.dataSource, projection: identityProjection, registry: createEventRegistry() });
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await Promise.all([events.dispose(), db.dispose()]);
  });

  it('projects tenants, workspaces, memberships, keys and sessions, each row with its tenant', async () => {
    const ws = randomUUID();
    const key = randomUUID();
    const session = randomUUID();
    await run(tenantDecider, TENANT, 'CreateTenant', { name: 'Acme', ownerUserId: OWNER });
    await run(workspaceDecider, ws, 'CreateWorkspace', { name: 'Research', ownerUserId: OWNER, authority: owner });
    await run(workspaceDecider, ws, 'AddWorkspaceMember', { userId: BOB, role: 'editor', authority: owner });
    await run(workspaceDecider, ws, 'ChangeWorkspaceMemberRole', { userId: BOB, role: 'reader', authority: owner });
    await run(workspaceDecider, ws, 'RenameWorkspace', { name: 'Lab', authority: owner });
    await run(apiKeyDecider, key, 'CreateApiKey', { name: 'ci', scopes: ['read'], workspaceId: ws, expiresAt: null, prefix: 'abcdefghij', secretHash: 'f'.repeat(64), createdBy: OWNER });
    await run(apiKeyDecider, key, 'RevokeApiKey', {});
    await run(sessionDecider, session, 'StartSession', { userId: OWNER, tokenId: randomUUID(), expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await run(sessionDecider, session, 'EndSession', {});
    await reached();

    expect(await rows(`SELECT name, owner_user_id FROM tenants WHERE tenant_id = $1`)).toEqual([{ name: 'Acme', owner_user_id: OWNER }]);
    expect(await rows(`SELECT name, archived, version FROM workspaces WHERE tenant_id = $1`)).toEqual([{ name: 'Lab', archived: false, version: 4 }]);
    expect(await rows(`SELECT user_id, role FROM workspace_members WHERE tenant_id = $1 ORDER BY role`)).toEqual([
      { user_id: OWNER, role: 'owner' },
      { user_id: BOB, role: 'reader' },
    ]);
    const [apiKey] = await rows(`SELECT prefix, scopes, workspace_id, revoked_at FROM api_keys WHERE tenant_id = $1`);
    expect(apiKey).toMatchObject({ prefix: 'abcdefghij', scopes: ['read'], workspace_id: ws, revoked_at: expect.any(Date) });
    expect(await rows(`SELECT status FROM sessions WHERE tenant_id = $1`)).toEqual([{ status: 'revoked' }]);
  });

  it('changes nothing when every commit is delivered a second time', async () => {
    const snapshot = async () =>
      Promise.all(['tenants', 'workspaces', 'workspace_members', 'api_keys', 'sessions'].map((t) => rows(`SELECT * FROM ${t} WHERE tenant_id = $1 ORDER BY 1, 2`)));
    const before = await snapshot();
    const t = tableNames(identityProjection);
    for (let position = 1; position <= last; position++) {
      const commit = await events.store.readCommit(position);
      await inTransaction(db.dataSource, (sql) => identityProjection.apply(sql, commit, t));
    }
    expect(await snapshot()).toEqual(before);
  });
});
