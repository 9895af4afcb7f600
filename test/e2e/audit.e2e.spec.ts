import { Platform, newTenant } from './platform-harness';

type Tenant = Awaited<ReturnType<typeof newTenant>>;

/** A member of the tenant who is not an administrator: invited into a workspace, signed in. */
async function invitedMember(platform: Platform, admin: Tenant, workspaceId: string) {
  const email = `member-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const invite = await platform.call('POST', `/v1/workspaces/${workspaceId}/members`, { token: admin.token, body: { email, name: 'Mia Member', role: 'reader' } });
  const password = 'member password 1';
  const accepted = await platform.call('POST', '/v1/invitations/accept', { body: { token: invite.body.invitationToken, password } });
  const login = await platform.call('POST', '/v1/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`member login failed: ${login.status}`);
  return { userId: invite.body.userId as string, email, password, token: login.body.accessToken as string, position: Math.max(accepted.body.position, login.body.position) };
}

describe('audit API over HTTP', () => {
  let platform: Platform;
  let acme: Tenant;
  let other: Tenant;
  beforeAll(async () => {
    platform = await Platform.start();
    [acme, other] = [await newTenant(platform, 'acme'), await newTenant(platform, 'other')];
  });
  afterAll(() => platform?.close());

  const audit = (path: string, credentials: { token?: string; apiKey?: string }) => platform.call('GET', path, credentials);

  it('shows a workspace’s state at a moment exactly as the query API showed it then', async () => {
    const created = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Research' } });
    const id = created.body.workspaceId;
    const shown = await platform.call('GET', `/v1/workspaces/${id}?minPosition=${created.body.position}`, { token: acme.token });
    const shownAt = new Date().toISOString();
    const renamed = await platform.call('PATCH', `/v1/workspaces/${id}`, { token: acme.token, body: { name: 'Lab' } });
    expect(renamed.status).toBe(200);
    for (const at of [String(created.body.position), shownAt]) {
      const then = await audit(`/v1/audit/aggregates/workspace/${id}/state?at=${encodeURIComponent(at)}`, acme);
      expect(then.status).toBe(200);
      expect({ name: then.body.state.name, archived: then.body.state.archived, version: then.body.version }).toEqual({
        name: shown.body.name, archived: shown.body.archived, version: shown.body.version,
      });
    }
    const diff = await audit(`/v1/audit/aggregates/workspace/${id}/state?diffFrom=${created.body.position}`, acme);
    expect(diff.body).toMatchObject({ version: 2, state: { name: 'Lab' }, diff: { from: { version: 1 }, changes: [{ path: 'name', before: 'Research', after: 'Lab' }] } });
  });

  it('pages an admin’s own tenant events from the log, and streams the same as NDJSON', async () => {
    const pages: any[] = [];
    let cursor = '';
    do {
      const page = await audit(`/v1/audit/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`, acme);
      expect(page.status).toBe(200);
      pages.push(...page.body.items);
      cursor = page.body.nextCursor ?? '';
    } while (cursor);
    expect(pages.length).toBeGreaterThan(3);
    expect(new Set(pages.map((e) => e.tenantId))).toEqual(new Set([acme.tenantId]));
    expect(pages.map((e) => e.position)).toEqual([...pages.map((e) => e.position)].sort((a, b) => a - b));
    expect(pages.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);

    const response = await fetch(`${platform.queryUrl.replace('[::1]', '127.0.0.1')}/v1/audit/events`, { headers: { authorization: `Bearer ${acme.token}`, accept: 'application/x-ndjson' } });
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const streamed = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(streamed.slice(0, pages.length)).toEqual(pages);

    const renames = await audit(`/v1/audit/events?eventType=workspace.renamed&actorId=${acme.userId}`, acme);
    expect(renames.body.items.map((e: any) => e.type)).toEqual(['workspace.renamed']);
  });

  it('shows another tenant’s admin none of it, and refuses non-admins', async () => {
    const mine = await audit('/v1/audit/events?aggregateType=workspace', acme);
    const workspaceId = mine.body.items[0].aggregateId;
    const theirs = await audit(`/v1/audit/events?aggregateId=${workspaceId}`, other);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    expect((await audit(`/v1/audit/aggregates/workspace/${workspaceId}/state`, other)).status).toBe(404);

    const member = await invitedMember(platform, acme, workspaceId);
    const refused = await platform.call('GET', '/v1/audit/events', { token: member.token, headers: { 'x-min-position': String(member.position) } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUDIT.FORBIDDEN');
    const keys: Record<string, string> = {};
    for (const [name, body] of [['read', { scopes: ['read'] }], ['bound', { scopes: ['admin'], workspaceId }], ['admin', { scopes: ['admin'] }]] as const) {
      const created = await platform.call('POST', '/v1/api-keys', { token: acme.token, body: { name, ...body } });
      keys[name] = created.body.key;
      keys.position = String(created.body.position);
    }
    const asKey = (key: string) => ({ apiKey: key, headers: { 'x-min-position': keys.position } });
    expect((await platform.call('GET', '/v1/audit/verify', asKey(keys.read))).status).toBe(403);
    expect((await platform.call('GET', '/v1/audit/verify', asKey(keys.bound))).status).toBe(403);
    const verified = await platform.call('GET', '/v1/audit/verify', asKey(keys.admin));
    expect(verified.body).toMatchObject({ ok: true, tenantId: acme.tenantId, legacyCommits: 0, broken: null });
  });

  it('forgets a member: login fails, sessions end, the read model and the log show them erased', async () => {
    const ws = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Team' } });
    const member = await invitedMember(platform, acme, ws.body.workspaceId);
    const self = await platform.call('POST', `/v1/admin/users/${acme.userId}/forget`, { token: acme.token, body: {} });
    expect(self.body.code).toBe('USER.CANNOT_FORGET_SELF');
    const byMember = await platform.call('POST', `/v1/admin/users/${acme.userId}/forget`, { token: member.token, body: {}, headers: { 'x-min-position': String(member.position) } });
    expect(byMember.status).toBe(403);
    const forgotten = await platform.call('POST', `/v1/admin/users/${member.userId}/forget`, { token: acme.token, body: { reason: 'user_request' } });
    expect(forgotten.status).toBe(200);
    expect(forgotten.body).toMatchObject({ userId: member.userId, keyDestroyed: true, emailReleased: true, sessionsRevoked: 1 });
    const after = { 'x-min-position': String(forgotten.body.position) };

    expect((await platform.call('POST', '/v1/auth/login', { body: { email: member.email, password: member.password } })).status).toBe(401);
    expect((await platform.call('GET', '/v1/me', { token: member.token, headers: after })).status).toBe(401);
    const members = await platform.call('GET', `/v1/workspaces/${ws.body.workspaceId}/members`, { token: acme.token, headers: after });
    expect(members.body.items).toContainEqual(expect.objectContaining({ userId: member.userId, email: null, name: null, status: 'erased' }));
    const history = await audit(`/v1/audit/events?aggregateType=user&aggregateId=${member.userId}`, acme);
    expect(history.body.items.map((e: any) => e.type)).toEqual(['user.invited', 'user.invitation_accepted', 'user.forgotten']);
    expect(JSON.stringify(history.body)).not.toContain('Mia');
  });
});
