import { Platform, newTenant } from './platform-harness';

type Tenant = Awaited<ReturnType<typeof newTenant>>;

describe('identity and tenancy over HTTP', () => {
  let platform: Platform;
  let acme: Tenant;
  beforeAll(async () => {
    platform = await Platform.start();
    acme = await newTenant(platform, 'acme');
  });
  afterAll(() => platform?.close());

  it('runs sign-up -> login -> workspace -> member -> API key with each scope -> revoke', async () => {
    const me = await platform.call('GET', `/v1/me?minPosition=${acme.position}`, { token: acme.token });
    expect(me.body).toMatchObject({ kind: 'user', tenantId: acme.tenantId, userId: acme.userId, email: acme.email, tenantRole: 'owner' });

    const ws = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Research' } });
    expect(ws.status).toBe(201);
    expect(ws.body).toMatchObject({ workspaceId: expect.any(String), position: expect.any(Number), version: 1 });
    const workspaceId = ws.body.workspaceId;

    const invite = await platform.call('POST', `/v1/workspaces/${workspaceId}/members`, {
      token: acme.token,
      body: { email: `bob-${Date.now()}@example.test`, name: 'Bob', role: 'editor' },
    });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ invited: true, invitationToken: expect.stringMatching(/^inv_/) });
    const accepted = await platform.call('POST', '/v1/invitations/accept', { body: { token: invite.body.invitationToken, password: 'bobs new password!' } });
    expect(accepted.status).toBe(200);

    const members = await platform.call('GET', `/v1/workspaces/${workspaceId}/members`, { token: acme.token, headers: { 'x-min-position': String(accepted.body.position) } });
    expect(members.status).toBe(200);
    expect(members.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: acme.userId, role: 'owner', email: acme.email, status: 'active' }),
        expect.objectContaining({ userId: invite.body.userId, role: 'editor', name: 'Bob', status: 'active' }),
      ]),
    );

    const keys: Record<string, { key: string; keyId: string; position: number }> = {};
    for (const scope of ['read', 'write', 'admin'] as const) {
      const created = await platform.call('POST', '/v1/api-keys', { token: acme.token, body: { name: `${scope} key`, scopes: [scope] } });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^rsk_[a-z0-9]{10}_/);
      keys[scope] = created.body;
    }
    const at = { 'x-min-position': String(keys.admin.position) };
    const asKey = (scope: string) => ({ apiKey: keys[scope].key, headers: at });

    // read: may read, may not write
    expect((await platform.call('GET', '/v1/workspaces', asKey('read'))).status).toBe(200);
    const readWrite = await platform.call('POST', '/v1/workspaces', { ...asKey('read'), body: { name: 'nope' } });
    expect(readWrite.status).toBe(403);
    expect(readWrite.body.code).toBe('AUTH.SCOPE_MISSING');
    // write: may create a workspace, may not administer
    expect((await platform.call('POST', '/v1/workspaces', { ...asKey('write'), body: { name: 'By key' } })).status).toBe(201);
    expect((await platform.call('POST', '/v1/api-keys', { ...asKey('write'), body: { name: 'x', scopes: ['read'] } })).status).toBe(403);
    expect((await platform.call('GET', '/v1/api-keys', asKey('write'))).status).toBe(403);
    // admin: may administer
    const listed = await platform.call('GET', '/v1/api-keys', asKey('admin'));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((k: any) => k.keyId)).toEqual(expect.arrayContaining(Object.values(keys).map((k) => k.keyId)));
    expect(JSON.stringify(listed.body)).not.toContain(keys.admin.key.slice('rsk_'.length + 11));
    expect((await platform.call('PATCH', `/v1/workspaces/${workspaceId}`, { ...asKey('admin'), body: { name: 'Renamed by key' } })).status).toBe(200);

    const revoked = await platform.call('DELETE', `/v1/api-keys/${keys.read.keyId}`, { token: acme.token });
    expect(revoked.status).toBe(200);
    const after = await platform.call('GET', '/v1/workspaces', { apiKey: keys.read.key, headers: { 'x-min-position': String(revoked.body.position) } });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH.INVALID_API_KEY');
  });

  it('refuses a session that was just in use once the request names its logout position', async () => {
    const t = await newTenant(platform, 'logout');
    const seen = { 'x-min-position': String(t.position) };
    // Both APIs have just found the session active (and may reuse that answer briefly).
    expect((await platform.call('GET', '/v1/me', { token: t.token, headers: seen })).status).toBe(200);
    expect((await platform.call('POST', '/v1/workspaces', { token: t.token, body: { name: 'Before logout' }, headers: seen })).status).toBe(201);
    const out = await platform.call('POST', '/v1/auth/logout', { token: t.token });
    expect(out.status).toBe(200);
    const after = { 'x-min-position': String(out.body.position) };
    expect((await platform.call('GET', '/v1/me', { token: t.token, headers: after })).status).toBe(401);
    expect((await platform.call('POST', '/v1/workspaces', { token: t.token, body: { name: 'After logout' }, headers: after })).status).toBe(401);
  });

  it('rotates refresh tokens, detects reuse, logs out and changes passwords', async () => {
    const t = await newTenant(platform, 'rotate');
    const first = await platform.call('POST', '/v1/auth/refresh', { body: { refreshToken: t.refreshToken } });
    expect(first.status).toBe(200);
    const second = await platform.call('POST', '/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);
    const reused = await platform.call('POST', '/v1/auth/refresh', { body: { refreshToken: t.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
    // reuse revoked the whole family, including the newest token
    expect((await platform.call('POST', '/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(401);

    const session = await platform.call('POST', '/v1/auth/login', { body: { email: t.email, password: t.password } });
    const wrong = await platform.call('POST', '/v1/auth/password', { token: session.body.accessToken, body: { currentPassword: 'not it at all', newPassword: 'a brand new password' } });
    expect(wrong.status).toBe(403);
    const changed = await platform.call('POST', '/v1/auth/password', { token: session.body.accessToken, body: { currentPassword: t.password, newPassword: 'a brand new password' } });
    expect(changed.status).toBe(200);
    expect((await platform.call('POST', '/v1/auth/login', { body: { email: t.email, password: t.password } })).status).toBe(401);
    expect((await platform.call('POST', '/v1/auth/login', { body: { email: t.email, password: 'a brand new password' } })).status).toBe(200);

    const out = await platform.call('POST', '/v1/auth/logout', { token: session.body.accessToken });
    expect(out.status).toBe(200);
    const afterLogout = await platform.call('GET', '/v1/me', { token: session.body.accessToken, headers: { 'x-min-position': String(out.body.position) } });
    expect(afterLogout.status).toBe(401);
    expect((await platform.call('POST', '/v1/auth/refresh', { body: { refreshToken: session.body.refreshToken } })).status).toBe(401);
  });

  it('answers a retried command with the first result and writes nothing new', async () => {
    const headers = { 'idempotency-key': `create-ws-${Date.now()}` };
    const first = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Once' }, headers });
    const retry = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Once' }, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const list = await platform.call('GET', `/v1/workspaces?limit=200&minPosition=${first.body.position}`, { token: acme.token });
    expect(list.body.items.filter((w: any) => w.name === 'Once')).toHaveLength(1);

    const email = `dup-${Date.now()}@example.test`;
    const body = { email, password: 'correct horse battery', name: 'Dup', tenantName: 'Dup', workspaceName: 'W' };
    const signUpKey = { 'idempotency-key': `signup-dup-${Date.now()}` };
    const a = await platform.call('POST', '/v1/auth/signup', { body, headers: signUpKey });
    const b = await platform.call('POST', '/v1/auth/signup', { body, headers: signUpKey });
    expect(b.body).toEqual(a.body);
    const c = await platform.call('POST', '/v1/auth/signup', { body });
    expect(c.status).toBe(409);
    expect(c.body.code).toBe('EMAIL.TAKEN');
  });

  it('lets only one of two concurrent sign-ups with the same e-mail succeed', async () => {
    const email = `race-${Date.now()}@example.test`;
    const body = { email, password: 'correct horse battery', name: 'Racer', tenantName: 'Race', workspaceName: 'W' };
    const results = await Promise.all([1, 2, 3].map(() => platform.call('POST', '/v1/auth/signup', { body })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a stale If-Match with 409 and never overwrites silently', async () => {
    const ws = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Versioned' } });
    const path = `/v1/workspaces/${ws.body.workspaceId}`;
    const ok = await platform.call('PATCH', path, { token: acme.token, body: { name: 'v2' }, headers: { 'if-match': '1' } });
    expect(ok.status).toBe(200);
    const stale = await platform.call('PATCH', path, { token: acme.token, body: { name: 'v2 from stale view' }, headers: { 'if-match': '1' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'AGGREGATE.VERSION_MISMATCH', correlationId: expect.any(String) });
    const read = await platform.call('GET', `${path}?minPosition=${ok.body.position}`, { token: acme.token });
    expect(read.body.name).toBe('v2');
  });

  it('answers bad bodies with 400 problem+json and field paths', async () => {
    const bad = await platform.call('POST', '/v1/auth/signup', { body: { email: 'not-an-email', password: 'short', name: '', tenantName: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.code).toBe('REQUEST.INVALID');
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.name']));
    const member = await platform.call('POST', `/v1/workspaces/not-a-uuid/members`, { token: acme.token, body: { role: 'boss' } });
    expect(member.status).toBe(400);
    expect(member.body.errors.map((e: any) => e.path)).toContain('params.workspaceId');
    const malformed = await platform.call('POST', '/v1/workspaces', { token: acme.token, rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
  });

  it('tells 401 (who are you) from 403 (not allowed)', async () => {
    expect((await platform.call('GET', '/v1/me')).status).toBe(401);
    expect((await platform.call('GET', '/v1/me', { token: 'garbage' })).status).toBe(401);
    expect((await platform.call('GET', '/v1/me', { apiKey: 'rsk_aaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' })).status).toBe(401);
    const ws = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Readers only' } });
    const reader = await platform.call('POST', `/v1/workspaces/${ws.body.workspaceId}/members`, {
      token: acme.token,
      body: { email: `reader-${Date.now()}@example.test`, name: 'Rea', role: 'reader' },
    });
    const accepted = await platform.call('POST', '/v1/invitations/accept', { body: { token: reader.body.invitationToken, password: 'reader password 1' } });
    expect(accepted.status).toBe(200);
    const me = await platform.call('GET', `/v1/workspaces/${ws.body.workspaceId}/members?minPosition=${reader.body.position}`, { token: acme.token });
    const readerEmail = me.body.items.find((m: any) => m.userId === reader.body.userId).email;
    const login = await platform.call('POST', '/v1/auth/login', { body: { email: readerEmail, password: 'reader password 1' } });
    expect(login.status).toBe(200);
    const rename = await platform.call('PATCH', `/v1/workspaces/${ws.body.workspaceId}`, { token: login.body.accessToken, body: { name: 'mine now' } });
    expect(rename.status).toBe(403);
    expect(rename.body.code).toBe('WORKSPACE.FORBIDDEN');
  });

  describe('tenant isolation: another tenant reaches nothing of acme', () => {
    let other: Tenant;
    let workspaceId: string;
    let keyId: string;
    let position: number;
    beforeAll(async () => {
      other = await newTenant(platform, 'globex');
      const ws = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Secret plans' } });
      workspaceId = ws.body.workspaceId;
      const key = await platform.call('POST', '/v1/api-keys', { token: acme.token, body: { name: 'acme key', scopes: ['admin'] } });
      keyId = key.body.keyId;
      position = key.body.position;
    });

    const as = () => ({ token: other.token, headers: { 'x-min-position': String(position) } });

    it.each([
      ['GET', () => `/v1/workspaces/${workspaceId}`, undefined],
      ['GET', () => `/v1/workspaces/${workspaceId}/members`, undefined],
      ['PATCH', () => `/v1/workspaces/${workspaceId}`, { name: 'pwned' }],
      ['POST', () => `/v1/workspaces/${workspaceId}/archive`, undefined],
      ['POST', () => `/v1/workspaces/${workspaceId}/members`, { userId: '00000000-0000-4000-8000-000000000000', role: 'reader' }],
      ['PATCH', () => `/v1/workspaces/${workspaceId}/members/00000000-0000-4000-8000-000000000000`, { role: 'reader' }],
      ['DELETE', () => `/v1/workspaces/${workspaceId}/members/00000000-0000-4000-8000-000000000000`, undefined],
      ['DELETE', () => `/v1/api-keys/${keyId}`, undefined],
    ] as [string, () => string, unknown][])('%s %s -> 404', async (method, path, body) => {
      const response = await platform.call(method, path(), { ...as(), body });
      expect(response.status).toBe(404);
    });

    it('lists only its own workspaces, keys, tenants and itself', async () => {
      const workspaces = await platform.call('GET', '/v1/workspaces?limit=200', as());
      expect(workspaces.body.items.every((w: any) => w.tenantId === other.tenantId)).toBe(true);
      expect(workspaces.body.items.map((w: any) => w.workspaceId)).not.toContain(workspaceId);
      const keys = await platform.call('GET', '/v1/api-keys', as());
      expect(keys.body.items.map((k: any) => k.keyId)).not.toContain(keyId);
      const tenants = await platform.call('GET', '/v1/me/tenants', as());
      expect(tenants.body.items).toEqual([expect.objectContaining({ tenantId: other.tenantId, role: 'owner' })]);
      const me = await platform.call('GET', '/v1/me', as());
      expect(me.body.tenantId).toBe(other.tenantId);
    });

    it('cannot add an acme user to its own workspace, by id or by e-mail', async () => {
      const byId = await platform.call('POST', `/v1/workspaces/${other.workspaceId}/members`, { token: other.token, body: { userId: acme.userId, role: 'reader' } });
      expect(byId.status).toBe(404);
      const byEmail = await platform.call('POST', `/v1/workspaces/${other.workspaceId}/members`, { token: other.token, body: { email: acme.email, name: 'x', role: 'reader' } });
      expect(byEmail.status).toBe(409);
    });

    it('cannot use an acme API key inside its own tenant', async () => {
      const key = await platform.call('POST', '/v1/api-keys', { token: acme.token, body: { name: 'acme read', scopes: ['read'] } });
      const seen = await platform.call('GET', '/v1/workspaces?limit=200', { apiKey: key.body.key, headers: { 'x-min-position': String(key.body.position) } });
      expect(seen.body.items.every((w: any) => w.tenantId === acme.tenantId)).toBe(true);
    });
  });
});
