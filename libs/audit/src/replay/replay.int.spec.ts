import { randomUUID } from 'node:crypto';
import { createEventRegistry } from '@ragstream/contracts';
import { apiKeyDecider, tenantDecider, workspaceDecider } from '@ragstream/domain';
import { createTestEventStream, type TestEventStream } from '@ragstream/testing';
import { LogWriter } from '../../test/log-writer';
import type { AuditFilter } from '../filter/audit-filter';
import { readAuditPage } from './audit-page';
import { replayEvents } from './replay-commits';

const [T1, T2, O1, O2, W1, W2, W3, K1] = Array.from({ length: 8 }, () => randomUUID());
const owner = { tenantRole: 'owner' as const };
// Seconds apart and just before now: store time runs a little after occurredAt, as in production.
const BASE = Date.now() - 20_000;
const second = (n: number) => new Date(BASE + n * 1000);

describe('audit replay (real NATS)', () => {
  let env: TestEventStream;
  let log: LogWriter;
  beforeAll(async () => {
    env = await createTestEventStream(createEventRegistry());
    log = new LogWriter(env.store);
    const by1 = (n: number) => ({ actorId: O1, at: second(n) });
    await log.run(tenantDecider, T1, T1, 'CreateTenant', { name: 'One', ownerUserId: O1 }, by1(1));
    await log.run(workspaceDecider, T2, W3, 'CreateWorkspace', { name: 'Other', ownerUserId: O2, authority: owner }, { actorId: O2, at: second(2) });
    await log.run(workspaceDecider, T1, W1, 'CreateWorkspace', { name: 'Research', ownerUserId: O1, authority: owner }, by1(3));
    await log.run(workspaceDecider, T1, W2, 'CreateWorkspace', { name: 'Sales', ownerUserId: O2, authority: owner }, { actorId: O2, at: second(4) });
    await log.run(workspaceDecider, T1, W1, 'RenameWorkspace', { name: 'Lab', authority: owner }, by1(5));
    const key = { name: 'ci', scopes: ['read'], workspaceId: W1, expiresAt: null, prefix: 'abcdefghij', secretHash: 'f'.repeat(64), createdBy: O1 };
    await log.run(apiKeyDecider, T1, K1, 'CreateApiKey', key, by1(6));
    await log.run(workspaceDecider, T1, W1, 'AddWorkspaceMember', { userId: O2, role: 'reader', authority: owner }, by1(7));
    await log.run(apiKeyDecider, T1, K1, 'RevokeApiKey', {}, by1(8));
  });
  afterAll(() => env.dispose());

  const replay = async (filter: AuditFilter) => {
    const seen: [number, string][] = [];
    for await (const e of replayEvents(env.store, filter)) seen.push([e.position, e.type]);
    return seen;
  };
  const p = (i: number) => log.written[i].position;

  it('returns a tenant’s events in log order, and nothing of another tenant', async () =>
    expect(await replay({ tenantId: T1 })).toEqual(log.expected((w) => w.tenantId === T1)));

  it('narrows by aggregate type and id', async () =>
    expect(await replay({ tenantId: T1, aggregateType: 'workspace', aggregateId: W1 })).toEqual(log.expected((w) => w.aggregateId === W1)));

  it('selects a workspace and the aggregates whose events name it', async () =>
    expect(await replay({ tenantId: T1, workspaceId: W1 })).toEqual(log.expected((w) => w.aggregateId === W1 || w.aggregateId === K1)));

  it('narrows by actor and by event type or family', async () => {
    expect(await replay({ actorId: O2 })).toEqual(log.expected((w) => w.actorId === O2));
    expect(await replay({ tenantId: T1, eventTypes: ['workspace.renamed', 'apikey.*'] })).toEqual(
      log.expected((_w, t) => t === 'workspace.renamed' || t.startsWith('apikey.')),
    );
  });

  it('bounds by position and by time, inclusively', async () => {
    expect(await replay({ fromPosition: p(2), toPosition: p(5) })).toEqual(log.expected((w) => w.position >= p(2) && w.position <= p(5)));
    expect(await replay({ tenantId: T1, fromTime: second(3), toTime: second(6) })).toEqual(
      log.expected((w) => w.tenantId === T1 && w.occurredAt >= second(3) && w.occurredAt <= second(6)),
    );
  });

  it('pages with the position as cursor, never splitting a commit', async () => {
    const pages: [number, string][][] = [];
    let after: number | undefined;
    for (;;) {
      const page = await readAuditPage(env.store, { tenantId: T1 }, { after, limit: 2 });
      pages.push(page.items.map((e) => [e.position, e.type]));
      if (!page.nextCursor) break;
      after = Number(page.nextCursor);
    }
    expect(pages.flat()).toEqual(log.expected((w) => w.tenantId === T1));
    expect(pages[0]).toHaveLength(2);
  });

  it('tails new commits until interrupted', async () => {
    const abort = new AbortController();
    const seen: string[] = [];
    const tail = (async () => {
      for await (const e of replayEvents(env.store, { tenantId: T2, eventTypes: ['workspace.renamed'] }, { follow: true, signal: abort.signal })) {
        seen.push(e.aggregateId);
        abort.abort();
      }
    })();
    await log.run(workspaceDecider, T2, W3, 'RenameWorkspace', { name: 'Renamed', authority: owner }, { actorId: O2 });
    await tail;
    expect(seen).toEqual([W3]);
  });
});
