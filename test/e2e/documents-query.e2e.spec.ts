import { eventually } from '@ragstream/testing';
import { DocumentSeeder, type Seeded } from './document-seeder';
import { corpus } from './documents-query.fixtures';
import { Platform, newTenant } from './platform-harness';

type Tenant = Awaited<ReturnType<typeof newTenant>>;
type Caller = { token?: string; apiKey?: string; headers?: Record<string, string> };

describe('documents and search, query side', () => {
  let platform: Platform;
  let acme: Tenant;
  let seed: DocumentSeeder;
  let research: string;
  const docs = {} as Record<keyof typeof corpus, Seeded>;
  const owner = (): Caller => ({ token: acme.token });
  const at = (position: number, caller: Caller = owner()): Caller => ({ ...caller, headers: { ...caller.headers, 'x-min-position': String(position) } });
  const get = (path: string, caller: Caller = owner()) => platform.call('GET', path, caller);
  const find = (body: Record<string, unknown>, caller: Caller = owner()) => platform.call('POST', '/v1/search', { ...caller, body });
  const ids = (hits: { documentId: string }[]) => hits.map((h) => h.documentId);

  /** Waits until the search index has applied `position` (each search waits up to the read-your-writes timeout). */
  const indexed = (position: number) =>
    eventually(async () => ((await find({ query: 'anything', minPosition: position })).status === 200 ? true : undefined), 30_000, `search at ${position}`);

  const download = async (path: string, caller: Caller = owner()) => {
    const response = await fetch(`${platform.queryUrl.replace('[::1]', '127.0.0.1')}${path}`, {
      headers: { authorization: `Bearer ${caller.token}`, ...caller.headers },
    });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    platform = await Platform.start();
    acme = await newTenant(platform, 'acme');
    const ws = await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Research' } });
    research = ws.body.workspaceId;
    seed = new DocumentSeeder(platform.eventStore, await platform.contentStore(), acme.tenantId, acme.userId);
    for (const [name, doc] of Object.entries(corpus)) {
      docs[name as keyof typeof corpus] = await seed.ingest(name === 'protocol' ? research : acme.workspaceId, doc);
    }
    await indexed(Math.max(...Object.values(docs).map((d) => d.position)));
  });
  afterAll(() => platform?.close());

  describe('listing', () => {
    const list = (query: string) => get(`/v1/workspaces/${acme.workspaceId}/documents?${query}`);

    it('pages newest first with an opaque cursor until the end', async () => {
      const all = await list('limit=200');
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...ids(page.body.items));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids(all.body.items));
      const times = all.body.items.map((d: any) => Date.parse(d.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(seen).toEqual(expect.arrayContaining([docs.espresso.documentId, docs.report.documentId, docs.volcano.documentId]));
      expect(seen).not.toContain(docs.protocol.documentId);
      expect((await list('cursor=not-ours')).body.code).toBe('REQUEST.INVALID_CURSOR');
    });

    it('filters by tag, source type, format, status and title', async () => {
      expect(ids((await list('tag=alpha')).body.items).sort()).toEqual([docs.espresso.documentId, docs.zebra.documentId].sort());
      expect(ids((await list('sourceType=url')).body.items)).toEqual([docs.zebra.documentId]);
      expect(ids((await list('format=vtt')).body.items)).toEqual([docs.volcano.documentId]);
      expect(ids((await list('status=failed')).body.items)).toEqual([docs.broken.documentId]);
      const ready = ids((await list('status=indexed')).body.items);
      expect(ready).toEqual(expect.arrayContaining([docs.espresso.documentId, docs.report.documentId, docs.volcano.documentId]));
      expect(ready).not.toContain(docs.broken.documentId);
      expect(ids((await list('title=QUARTERLY')).body.items)).toEqual([docs.report.documentId]);
      // A wildcard in the filter is matched literally.
      expect(ids((await list(`title=${encodeURIComponent('100%')}`)).body.items)).toEqual([docs.volcano.documentId]);
      expect((await list('title=%25%25')).body.items).toEqual([]);
    });

    it('shows what was ingested', async () => {
      const [item] = (await list('sourceType=upload&tag=finance')).body.items;
      expect(item).toMatchObject({
        documentId: docs.report.documentId,
        workspaceId: acme.workspaceId,
        title: 'Quarterly report Q3',
        sourceType: 'upload',
        format: 'text',
        mediaType: 'text/plain; charset=utf-8',
        fileName: 'Q3 "report" – Zürich.txt',
        size: Buffer.byteLength(corpus.report.body),
        revision: 1,
        tags: ['finance', 'beta'],
        metadata: { team: 'finance' },
        status: { state: 'indexed', revision: 1, progress: null, chunkCount: 1, reason: null, retryable: false },
      });
    });
  });

  describe('detail and indexing status', () => {
    it('is pending until the index has the revision, then indexed; a revision starts over', async () => {
      // Hold the search projection's writes (reads still pass) to see the document before it is indexed.
      const hold = platform.database.createQueryRunner();
      await hold.connect();
      await hold.startTransaction();
      let doc: Seeded;
      try {
        await hold.query('LOCK TABLE index_status IN EXCLUSIVE MODE');
        doc = await seed.ingest(acme.workspaceId, { title: 'Glossary', body: 'A heliotrope is a plant that turns toward the sun.' });
        const pending = await get(`/v1/documents/${doc.documentId}?minPosition=${doc.position}`);
        expect(pending.status).toBe(200);
        expect(pending.body.status).toEqual({ state: 'pending', revision: 1, progress: null, chunkCount: 0, reason: null, retryable: false });
        expect(pending.body.revisions).toEqual([expect.objectContaining({ revision: 1, sourceType: 'text', createdBy: `user:${acme.userId}` })]);
        expect(ids((await get(`/v1/workspaces/${acme.workspaceId}/documents?status=pending`)).body.items)).toEqual([doc.documentId]);
      } finally {
        await hold.rollbackTransaction();
        await hold.release();
      }
      await indexed(doc.position);
      const ready = await get(`/v1/documents/${doc.documentId}`);
      expect(ready.body.status).toMatchObject({ state: 'indexed', revision: 1, chunkCount: 1 });

      const revised = await seed.revise(doc, { body: 'A heliotrope also names a shade of pink-purple.', format: 'markdown' });
      const second = await get(`/v1/documents/${doc.documentId}`, at(revised));
      expect(second.body).toMatchObject({ revision: 2, format: 'markdown', version: 2 });
      expect(second.body.revisions.map((r: any) => [r.revision, r.format])).toEqual([[1, 'text'], [2, 'markdown']]);
      await indexed(revised);
      expect((await get(`/v1/documents/${doc.documentId}`)).body.status).toMatchObject({ state: 'indexed', revision: 2 });
    });

    it('says why a document failed', async () => {
      const failed = await get(`/v1/documents/${docs.broken.documentId}`);
      expect(failed.status).toBe(200);
      expect(failed.body.status).toMatchObject({ state: 'failed', revision: 1, progress: null, chunkCount: 0, retryable: false });
      expect(failed.body.status.reason).toEqual(expect.any(String));
    });
  });

  describe('downloads', () => {
    it('serves the current and an older revision byte for byte, with safe headers', async () => {
      const first = await download(`/v1/documents/${docs.report.documentId}/content`);
      expect(first.status).toBe(200);
      expect(first.bytes.equals(Buffer.from(corpus.report.body))).toBe(true);
      expect(first.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(first.headers.get('content-length')).toBe(String(first.bytes.length));
      expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
      expect(first.headers.get('content-disposition')).toBe(
        `attachment; filename="Q3 _report_ _ Z_rich.txt"; filename*=UTF-8''Q3%20%22report%22%20%E2%80%93%20Z%C3%BCrich.txt`,
      );

      const pdfBytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
      const position = await seed.revise(docs.report, { body: pdfBytes, type: 'upload', format: 'pdf', mediaType: 'application/pdf', fileName: 'q3.pdf' });
      const current = await download(`/v1/documents/${docs.report.documentId}/content`, at(position));
      expect(current.bytes.equals(pdfBytes)).toBe(true);
      expect(current.headers.get('content-type')).toBe('application/pdf');
      expect(current.headers.get('content-disposition')).toContain('filename="q3.pdf"');
      const older = await download(`/v1/documents/${docs.report.documentId}/content?revision=1`);
      expect(older.bytes.equals(Buffer.from(corpus.report.body))).toBe(true);
      expect(older.headers.get('etag')).toBe(first.headers.get('etag'));

      const missing = await get(`/v1/documents/${docs.report.documentId}/content?revision=9`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('DOCUMENT.REVISION_NOT_FOUND');
    });

    it('names text without a file name after its title', async () => {
      const file = await download(`/v1/documents/${docs.espresso.documentId}/content`);
      expect(file.bytes.toString('utf8')).toBe(corpus.espresso.body);
      expect(file.headers.get('content-disposition')).toContain('filename="Espresso handbook.md"');
    });
  });

  describe('search', () => {
    it.each(['hybrid', 'vector', 'lexical'] as const)('finds the right chunk in %s mode, with its anchor', async (mode) => {
      const result = await find({ query: 'descale the espresso machine limescale', mode, k: 3 });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ model: expect.any(String), tookMs: expect.any(Number) });
      const [top] = result.body.hits;
      expect(top).toMatchObject({ documentId: docs.espresso.documentId, workspaceId: acme.workspaceId, title: 'Espresso handbook', revision: 1 });
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
      const [top] = (await find({ query: 'lava flows glow orange', mode: 'lexical' })).body.hits;
      expect(top.documentId).toBe(docs.volcano.documentId);
      expect(top.anchor).toMatchObject({ startMs: expect.any(Number), endMs: expect.any(Number) });
      expect(top.anchor.endMs).toBeGreaterThan(top.anchor.startMs);
    });

    it('narrows with filters', async () => {
      const machine = (filters: Record<string, unknown>) => find({ query: 'machine', mode: 'lexical', filters }).then((r) => ids(r.body.hits));
      expect(await machine({})).toEqual(expect.arrayContaining([docs.espresso.documentId, docs.memo.documentId]));
      expect(await machine({ tags: { any: ['kitchen'] } })).toEqual([docs.espresso.documentId]);
      expect(await machine({ metadata: { team: 'ops', year: 2024 } })).toEqual([docs.espresso.documentId]);
      expect(await machine({ documentIds: [docs.memo.documentId] })).toEqual([docs.memo.documentId]);
      expect(await machine({ formats: ['vtt'] })).toEqual([]);
      expect(await machine({ from: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([]);
      const uploads = await find({ query: 'glacier tourism revenue', filters: { sourceTypes: ['upload'] } });
      expect([...new Set(ids(uploads.body.hits))]).toEqual([docs.report.documentId]);
    });

    it('never returns a revised or deleted document’s old chunks once its position is passed', async () => {
      const revised = await seed.revise(docs.zebra, { body: 'Penguin colonies huddle on the ice shelf through the polar winter.', type: 'url', url: 'https://example.test/notes/penguins' });
      for (const mode of ['hybrid', 'vector', 'lexical']) {
        const old = await find({ query: 'zebra herd migration savanna', mode, minPosition: revised });
        expect(old.status).toBe(200);
        expect(old.body.hits.filter((h: any) => h.documentId === docs.zebra.documentId && h.text.includes('zebra'))).toEqual([]);
      }
      const fresh = await find({ query: 'penguin colonies ice shelf', mode: 'lexical' });
      expect(fresh.body.hits[0]).toMatchObject({ documentId: docs.zebra.documentId, revision: 2 });

      const deleted = await seed.remove(docs.memo);
      for (const mode of ['hybrid', 'vector', 'lexical']) {
        const gone = await find({ query: 'fax machine floor three', mode }, at(deleted));
        expect(ids(gone.body.hits)).not.toContain(docs.memo.documentId);
      }
      expect((await get(`/v1/documents/${docs.memo.documentId}`)).status).toBe(404);
      expect((await download(`/v1/documents/${docs.memo.documentId}/content`)).status).toBe(404);
      expect(ids((await get(`/v1/workspaces/${acme.workspaceId}/documents?limit=200`)).body.items)).not.toContain(docs.memo.documentId);
    });
  });

  describe('who sees what', () => {
    const everything = 'espresso glacier volcano centrifuge plasma lava machine';

    it('shows another tenant nothing, and 404 on every acme document', async () => {
      const globex = await newTenant(platform, 'globex');
      const as = at(globex.position, { token: globex.token });
      expect((await find({ query: everything }, as)).body.hits).toEqual([]);
      const detail = await get(`/v1/documents/${docs.espresso.documentId}`, as);
      expect(detail.status).toBe(404);
      expect(detail.body.code).toBe('DOCUMENT.NOT_FOUND');
      expect((await download(`/v1/documents/${docs.espresso.documentId}/content`, as)).status).toBe(404);
      expect((await get(`/v1/workspaces/${acme.workspaceId}/documents`, as)).status).toBe(404);
      expect((await find({ query: everything, workspaceIds: [acme.workspaceId] }, as)).status).toBe(404);
    });

    it('lets a reader of one workspace read and search that workspace only', async () => {
      const invite = await platform.call('POST', `/v1/workspaces/${research}/members`, {
        token: acme.token,
        body: { email: `reader-${Date.now()}@example.test`, name: 'Rea', role: 'reader' },
      });
      const accepted = await platform.call('POST', '/v1/invitations/accept', { body: { token: invite.body.invitationToken, password: 'reader password 1' } });
      expect(accepted.status).toBe(200);
      const members = await get(`/v1/workspaces/${research}/members`, at(accepted.body.position));
      const email = members.body.items.find((m: any) => m.userId === invite.body.userId).email;
      const login = await platform.call('POST', '/v1/auth/login', { body: { email, password: 'reader password 1' } });
      const reader = at(login.body.position, { token: login.body.accessToken });

      expect(ids((await find({ query: everything, k: 20 }, reader)).body.hits)).toEqual([docs.protocol.documentId]);
      expect((await get(`/v1/documents/${docs.protocol.documentId}`, reader)).status).toBe(200);
      expect((await download(`/v1/documents/${docs.protocol.documentId}/content`, reader)).status).toBe(200);
      expect(ids((await get(`/v1/workspaces/${research}/documents`, reader)).body.items)).toEqual([docs.protocol.documentId]);
      expect((await get(`/v1/documents/${docs.espresso.documentId}`, reader)).status).toBe(404);
      expect((await download(`/v1/documents/${docs.espresso.documentId}/content`, reader)).status).toBe(404);
      expect((await get(`/v1/workspaces/${acme.workspaceId}/documents`, reader)).status).toBe(404);
      expect((await find({ query: everything, workspaceIds: [acme.workspaceId] }, reader)).status).toBe(404);
    });

    it('keeps an API key bound to a workspace inside it', async () => {
      const key = await platform.call('POST', '/v1/api-keys', { token: acme.token, body: { name: 'research reader', scopes: ['read'], workspaceId: research } });
      const bound = at(key.body.position, { apiKey: key.body.key });
      const hits = (await find({ query: everything, k: 20 }, bound)).body.hits;
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h: any) => h.workspaceId === research)).toBe(true);
      expect((await find({ query: everything, workspaceIds: [research, acme.workspaceId] }, bound)).status).toBe(404);
      expect((await get(`/v1/documents/${docs.espresso.documentId}`, bound)).status).toBe(404);

      const tenantWide = await platform.call('POST', '/v1/api-keys', { token: acme.token, body: { name: 'all reader', scopes: ['read'] } });
      const all = await find({ query: everything, k: 20 }, at(tenantWide.body.position, { apiKey: tenantWide.body.key }));
      expect(new Set(all.body.hits.map((h: any) => h.workspaceId))).toEqual(new Set([research, acme.workspaceId]));
    });
  });

  it('answers bad requests with 400 and field paths', async () => {
    const bad = await find({ query: '  ', k: 0, mode: 'fuzzy', workspaceIds: ['nope'], filters: { from: 'yesterday', colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(
      expect.arrayContaining(['body.query', 'body.k', 'body.mode', 'body.workspaceIds.0', 'body.filters.from', 'body.filters']),
    );
    expect((await find({ query: 'x', extra: true })).body.errors.map((e: any) => e.path)).toEqual(['body']);
    const list = await get(`/v1/workspaces/${acme.workspaceId}/documents?status=done&limit=0`);
    expect(list.body.errors.map((e: any) => e.path).sort()).toEqual(['query.limit', 'query.status']);
    expect((await get('/v1/documents/not-a-uuid')).body.errors.map((e: any) => e.path)).toEqual(['params.documentId']);
    expect((await get(`/v1/documents/${docs.espresso.documentId}/content?revision=0`)).body.errors.map((e: any) => e.path)).toEqual(['query.revision']);
  });
});
