import { randomBytes, randomUUID } from 'node:crypto';
import { ERASED, replayEvents, revealSealed, stateAt, userKeyOpener } from '@ragstream/audit';
import { SYSTEM_TENANT, createEventRegistry } from '@ragstream/contracts';
import { emailReservationDecider, sessionDecider, tenantDecider, userDecider, type Decider } from '@ragstream/domain';
import { CommandExecutor } from '@ragstream/event-store';
import { inTransaction, type TableNames } from '@ragstream/projections';
import { identityProjection, type IdentityTable } from '@ragstream/read-models';
import { createTestDatabase, createTestEventStream, type TestDatabase, type TestEventStream } from '@ragstream/testing';
import { forgetUser } from './forget-user';
import { PiiVault } from './pii-vault';

const [TENANT, OWNER, ADMIN, ADA, SESSION]: string[] = Array.from({ length: 5 }, () => randomUUID());
const EMAIL_HASH = 'e'.repeat(64);
const context = (actorId: string) => () => ({ commitId: randomUUID(), actor: { type: 'user' as const, id: actorId }, correlationId: randomUUID(), occurredAt: new Date() });

describe('forgetting a user (real NATS + Postgres)', () => {
  let events: TestEventStream;
  let db: TestDatabase;
  let rebuilt: TestDatabase;
  let vault: PiiVault;
  let executor: CommandExecutor;
  let beforeForget = 0;

  const run = (decider: Decider<any, any, any>, tenantId: string, aggregateId: string, type: string, data: object, actorId = OWNER) =>
    executor.execute(decider, { type, data, metadata: { tenantId, actor: { type: 'user', id: actorId }, now: new Date() } }, { tenantId, aggregateId, context: context(actorId)() });

  beforeAll(async () => {
    [events, db, rebuilt] = await Promise.all([createTestEventStream(createEventRegistry()), createTestDatabase(), createTestDatabase()]);
    vault = new PiiVault(db.dataSource, randomBytes(32));
    executor = new CommandExecutor(events.store);
    for (const [userId, email, name] of [[OWNER, 'owner@example.test', 'Olga'], [ADA, 'ada@example.test', 'Ada']]) {
      await vault.ensureKey(userId, TENANT);
      const sealed = { email: await vault.seal(userId, email), name: await vault.seal(userId, name), passwordHash: await vault.seal(userId, 'argon') };
      await run(userDecider, TENANT, userId, 'RegisterUser', { emailHash: userId === ADA ? EMAIL_HASH : 'f'.repeat(64), ...sealed }, userId);
    }
    await run(emailReservationDecider, SYSTEM_TENANT, EMAIL_HASH, 'ReserveEmail', { userId: ADA, tenantId: TENANT }, ADA);
    await run(tenantDecider, TENANT, TENANT, 'CreateTenant', { name: 'Acme', ownerUserId: OWNER });
    await run(tenantDecider, TENANT, TENANT, 'AddTenantMember', { userId: ADMIN, role: 'admin', authority: { tenantRole: 'owner' } });
    const started = await run(sessionDecider, TENANT, SESSION, 'StartSession', { userId: ADA, tokenId: randomUUID(), expiresAt: new Date(Date.now() + 60_000).toISOString() }, ADA);
    beforeForget = started.position;
  });
  afterAll(async () => {
    await Promise.all([events.dispose(), db.dispose(), rebuilt.dispose()]);
  });

  it('records the forgetting, destroys the key, frees the address and ends the sessions; a repeat changes nothing', async () => {
    const request = { tenantId: TENANT, userId: ADA, reason: 'user_request' as const, authority: { tenantRole: 'admin' as const }, commit: context(ADMIN) };
    const first = await forgetUser({ executor, store: events.store, vault }, request);
    expect(first).toMatchObject({ keyDestroyed: true, emailReleased: true, sessionsRevoked: 1 });
    expect(await forgetUser({ executor, store: events.store, vault }, request)).toMatchObject({ keyDestroyed: false, emailReleased: false, sessionsRevoked: 0 });
    const fresh = new CommandExecutor(events.store);
    expect((await fresh.state(userDecider, TENANT, ADA)).state.status).toBe('forgotten');
    expect((await fresh.state(emailReservationDecider, SYSTEM_TENANT, EMAIL_HASH)).state.holder).toBeNull();
    expect((await fresh.state(sessionDecider, TENANT, SESSION)).state).toMatchObject({ status: 'revoked', revokedReason: 'user_forgotten' });
  });

  it('shows the data as erased on replay, while another user stays readable', async () => {
    const revealed: unknown[] = [];
    for await (const e of replayEvents(events.store, { tenantId: TENANT, aggregateType: 'user', eventTypes: ['user.registered'] })) {
      revealed.push([e.aggregateId, await revealSealed(e.data, userKeyOpener(vault, e.aggregateType, e.aggregateId))]);
    }
    expect(revealed).toEqual([
      [OWNER, expect.objectContaining({ email: 'owner@example.test', name: 'Olga' })],
      [ADA, expect.objectContaining({ email: ERASED, name: ERASED, passwordHash: ERASED })],
    ]);
    const then = await stateAt(events.store, { tenantId: TENANT, aggregateType: 'user', aggregateId: ADA }, { position: beforeForget });
    expect(await revealSealed(then.state, userKeyOpener(vault, 'user', ADA))).toMatchObject({ status: 'active', email: ERASED, name: ERASED });
  });

  it('shows the user as erased after the identity read model is rebuilt from position 1 in a fresh schema', async () => {
    const t: TableNames<IdentityTable> = (table) => `rebuilt_${table}`;
    const head = await events.store.headPosition();
    await inTransaction(rebuilt.dataSource, async (sql) => {
      await identityProjection.setup(sql, t);
      for (let position = 1; position <= head; position++) await identityProjection.apply(sql, await events.store.readCommit(position), t);
    });
    const users = await rebuilt.dataSource.query(`SELECT user_id, status, email_hash, email_sealed, name_sealed FROM rebuilt_users ORDER BY user_id = $1`, [ADA]);
    expect(users[1]).toEqual({ user_id: ADA, status: 'erased', email_hash: null, email_sealed: null, name_sealed: null });
    expect(await vault.open(OWNER, users[0].name_sealed)).toBe('Olga');
    expect(await rebuilt.dataSource.query(`SELECT status FROM rebuilt_sessions WHERE user_id = $1`, [ADA])).toEqual([{ status: 'revoked' }]);
  });
});
