import { newTenant } from './platform-harness';
import { CorpusWorld, ids } from './documents-query.world';

describe('search, query side: modes, anchors, filters, read-your-writes, access', () => {
  let w: CorpusWorld;
  beforeAll(async () => {
    w = await CorpusWorld.start();
  });
  afterAll(() => w?.close());

  describe('search', () => {
    it.each(['hybrid', 'vector', 'lexical'] as const)('finds the right chunk in %s mode, with its anchor', async (mode) => {
      const result = await w.find({ query: 'descale the espresso machine limescale', mode, k: 3 });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ model: expect.any(String), tookMs: expect.any(Number) });
      const [top] = result.body.hits;
      expect(top).toMatchObject({ documentId: w.docs.espresso.documentId, workspaceId: w.acme.workspaceId, title: 'Espresso handbook', revision: 1 });
      expect(top.text).toContain('limescale');
      expect(top.anchor).toMatchObject({ start: expect.any(Number), end: expect.any(Number), page: null, startMs: null });
      expect(top.anchor.end).toBeGreaterThan(top.anchor.start);
      expect(top.anchor.headingPath).toContain('Descaling');
      if (mode !== 'vector') expect(top.scores.lexical).toMatchObject({ rank: 1, score: expect.any(Number) });
      if (mode !== 'lexical') expect(top.scores.vector).toMatchObject({ rank: 1, score: expect.any(Number) });
      if (mode === 'lexical') expect(top.scores.vector).toBeNull();
      if (mode === 'vector') expect(top.scores.lexical).toBeNull();
    });

    it('anchors a subtitle hit in time', async () => {
      const [top] = (await w.find({ query: 'lava flows glow orange', mode: 'lexical' })).body.hits;
      expect(top.documentId).toBe(w.docs.volcano.documentId);
      expect(top.anchor).toMatchObject({ startMs: expect.any(Number), endMs: expect.any(Number) });
      expect(top.anchor.endMs).toBeGreaterThan(top.anchor.startMs);
    });

    it('narrows with filters', async () => {
      const machine = (filters: Record<string, unknown>) => w.find({ query: 'machine', mode: 'lexical', filters }).then((r) => ids(r.body.hits));
      expect(await machine({})).toEqual(expect.arrayContaining([w.docs.espresso.documentId, w.docs.memo.documentId]));
      expect(await machine({ tags: { any: ['kitchen'] } })).toEqual([w.docs.espresso.documentId]);
      expect(await machine({ metadata: { team: 'ops', year: 2024 } })).toEqual([w.docs.espresso.documentId]);
      expect(await machine({ documentIds: [w.docs.memo.documentId] })).toEqual([w.docs.memo.documentId]);
      expect(await machine({ formats: ['vtt'] })).toEqual([]);
      expect(await machine({ from: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([]);
      const uploads = await w.find({ query: 'glacier tourism revenue', filters: { sourceTypes: ['upload'] } });
      expect([...new Set(ids(uploads.body.hits))]).toEqual([w.docs.report.documentId]);
    });

    it('never returns a revised or deleted document’s old chunks once its position is passed', async () => {
      const revised = await w.seed.revise(w.docs.zebra, { body: 'Penguin colonies huddle on the ice shelf through the polar winter.', type: 'url', url: 'https://example.test/notes/penguins' });
      for (const mode of ['hybrid', 'vector', 'lexical']) {
        const old = await w.find({ query: 'zebra herd migration savanna', mode, minPosition: revised });
        expect(old.status).toBe(200);
        expect(old.body.hits.filter((h: any) => h.documentId === w.docs.zebra.documentId && h.text.includes('zebra'))).toEqual([]);
      }
      const fresh = await w.find({ query: 'penguin colonies ice shelf', mode: 'lexical' });
      expect(fresh.body.hits[0]).toMatchObject({ documentId: w.docs.zebra.documentId, revision: 2 });

      const deleted = await w.seed.remove(w.docs.memo);
      for (const mode of ['hybrid', 'vector', 'lexical']) {
        const gone = await w.find({ query: 'fax machine floor three', mode }, w.at(deleted));
        expect(ids(gone.body.hits)).not.toContain(w.docs.memo.documentId);
      }
      expect((await w.get(`/v1/documents/${w.docs.memo.documentId}`)).status).toBe(404);
      expect((await w.download(`/v1/documents/${w.docs.memo.documentId}/content`)).status).toBe(404);
      expect(ids((await w.get(`/v1/workspaces/${w.acme.workspaceId}/documents?limit=200`)).body.items)).not.toContain(w.docs.memo.documentId);
    });
  });

  describe('who sees what', () => {
    const everything = 'espresso glacier volcano centrifuge plasma lava machine';

    it('shows another tenant nothing, and 404 on every acme document', async () => {
      const globex = await newTenant(w.platform, 'globex');
      const as = w.at(globex.position, { token: globex.token });
      expect((await w.find({ query: everything }, as)).body.hits).toEqual([]);
      const detail = await w.get(`/v1/documents/${w.docs.espresso.documentId}`, as);
      expect(detail.status).toBe(404);
      expect(detail.body.code).toBe('DOCUMENT.NOT_FOUND');
      expect((await w.download(`/v1/documents/${w.docs.espresso.documentId}/content`, as)).status).toBe(404);
      expect((await w.get(`/v1/workspaces/${w.acme.workspaceId}/documents`, as)).status).toBe(404);
      expect((await w.find({ query: everything, workspaceIds: [w.acme.workspaceId] }, as)).status).toBe(404);
    });

    it('lets a reader of one workspace read and search that workspace only', async () => {
      const invite = await w.platform.call('POST', `/v1/workspaces/${w.research}/members`, {
        token: w.acme.token,
        body: { email: `reader-${Date.now()}@example.test`, name: 'Rea', role: 'reader' },
      });
      const accepted = await w.platform.call('POST', '/v1/invitations/accept', { body: { token: invite.body.invitationToken, password: 'reader password 1' } });
      expect(accepted.status).toBe(200);
      const members = await w.get(`/v1/workspaces/${w.research}/members`, w.at(accepted.body.position));
      const email = members.body.items.find((m: any) => m.userId === invite.body.userId).email;
      const login = await w.platform.call('POST', '/v1/auth/login', { body: { email, password: 'reader password 1' } });
      const reader = w.at(login.body.position, { token: login.body.accessToken });

      expect(ids((await w.find({ query: everything, k: 20 }, reader)).body.hits)).toEqual([w.docs.protocol.documentId]);
      expect((await w.get(`/v1/documents/${w.docs.protocol.documentId}`, reader)).status).toBe(200);
      expect((await w.download(`/v1/documents/${w.docs.protocol.documentId}/content`, reader)).status).toBe(200);
      expect(ids((await w.get(`/v1/workspaces/${w.research}/documents`, reader)).body.items)).toEqual([w.docs.protocol.documentId]);
      expect((await w.get(`/v1/documents/${w.docs.espresso.documentId}`, reader)).status).toBe(404);
      expect((await w.download(`/v1/documents/${w.docs.espresso.documentId}/content`, reader)).status).toBe(404);
      expect((await w.get(`/v1/workspaces/${w.acme.workspaceId}/documents`, reader)).status).toBe(404);
      expect((await w.find({ query: everything, workspaceIds: [w.acme.workspaceId] }, reader)).status).toBe(404);
    });

    it('keeps an API key bound to a workspace inside it', async () => {
      const key = await w.platform.call('POST', '/v1/api-keys', { token: w.acme.token, body: { name: 'research reader', scopes: ['read'], workspaceId: w.research } });
      const bound = w.at(key.body.position, { apiKey: key.body.key });
      const hits = (await w.find({ query: everything, k: 20 }, bound)).body.hits;
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h: any) => h.workspaceId === w.research)).toBe(true);
      expect((await w.find({ query: everything, workspaceIds: [w.research, w.acme.workspaceId] }, bound)).status).toBe(404);
      expect((await w.get(`/v1/documents/${w.docs.espresso.documentId}`, bound)).status).toBe(404);

      const tenantWide = await w.platform.call('POST', '/v1/api-keys', { token: w.acme.token, body: { name: 'all reader', scopes: ['read'] } });
      const all = await w.find({ query: everything, k: 20 }, w.at(tenantWide.body.position, { apiKey: tenantWide.body.key }));
      expect(new Set(all.body.hits.map((h: any) => h.workspaceId))).toEqual(new Set([w.research, w.acme.workspaceId]));
    });
  });
});
