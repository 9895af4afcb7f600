import { eventually } from '@ragstream/testing';
import type { Seeded } from './document-seeder';
import { corpus } from './documents-query.fixtures';
import { CorpusWorld, ids, type Caller } from './documents-query.world';

describe('documents, query side: list, detail, status, download', () => {
  let w: CorpusWorld;
  beforeAll(async () => {
    w = await CorpusWorld.start();
  });
  afterAll(() => w?.close());

  describe('listing', () => {
    const list = (query: string) => w.get(`/v1/workspaces/${w.acme.workspaceId}/documents?${query}`);

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
      expect(seen).toEqual(expect.arrayContaining([w.docs.espresso.documentId, w.docs.report.documentId, w.docs.volcano.documentId]));
      expect(seen).not.toContain(w.docs.protocol.documentId);
      expect((await list('cursor=not-ours')).body.code).toBe('REQUEST.INVALID_CURSOR');
    });

    it('filters by tag, source type, format, status and title', async () => {
      expect(ids((await list('tag=alpha')).body.items).sort()).toEqual([w.docs.espresso.documentId, w.docs.zebra.documentId].sort());
      expect(ids((await list('sourceType=url')).body.items)).toEqual([w.docs.zebra.documentId]);
      expect(ids((await list('format=vtt')).body.items)).toEqual([w.docs.volcano.documentId]);
      expect(ids((await list('status=failed')).body.items)).toEqual([w.docs.broken.documentId]);
      const ready = ids((await list('status=indexed')).body.items);
      expect(ready).toEqual(expect.arrayContaining([w.docs.espresso.documentId, w.docs.report.documentId, w.docs.volcano.documentId]));
      expect(ready).not.toContain(w.docs.broken.documentId);
      expect(ids((await list('title=QUARTERLY')).body.items)).toEqual([w.docs.report.documentId]);
      // A wildcard in the filter is matched literally.
      expect(ids((await list(`title=${encodeURIComponent('100%')}`)).body.items)).toEqual([w.docs.volcano.documentId]);
      expect((await list('title=%25%25')).body.items).toEqual([]);
    });

    it('shows what was ingested', async () => {
      const [item] = (await list('sourceType=upload&tag=finance')).body.items;
      expect(item).toMatchObject({
        documentId: w.docs.report.documentId,
        workspaceId: w.acme.workspaceId,
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
    /** Runs `work` while the search projection cannot write status rows (reads still pass): its documents stay unindexed. */
    const whileIndexHeld = async <T>(work: () => Promise<T>): Promise<T> => {
      const hold = w.platform.database.createQueryRunner();
      await hold.connect();
      await hold.startTransaction();
      try {
        await hold.query('LOCK TABLE index_status IN EXCLUSIVE MODE');
        return await work();
      } finally {
        await hold.rollbackTransaction();
        await hold.release();
      }
    };
    const detail = (doc: Seeded, caller?: Caller) => w.get(`/v1/documents/${doc.documentId}`, caller);

    it('is pending until the index has the revision, then indexed; a new revision is pending again', async () => {
      const doc = await whileIndexHeld(async () => {
        const held = await w.seed.ingest(w.acme.workspaceId, { title: 'Glossary', body: 'A heliotrope is a plant that turns toward the sun.' });
        const pending = await detail(held, w.at(held.position));
        expect(pending.status).toBe(200);
        expect(pending.body.status).toEqual({ state: 'pending', revision: 1, progress: null, chunkCount: 0, reason: null, retryable: false });
        expect(pending.body.revisions).toEqual([expect.objectContaining({ revision: 1, sourceType: 'text', createdBy: `user:${w.acme.userId}` })]);
        expect(ids((await w.get(`/v1/workspaces/${w.acme.workspaceId}/documents?status=pending`)).body.items)).toEqual([held.documentId]);
        return held;
      });
      await w.indexed(doc.position);
      expect((await detail(doc)).body.status).toMatchObject({ state: 'indexed', revision: 1, chunkCount: 1 });

      await whileIndexHeld(async () => {
        const revised = await w.seed.revise(doc, { body: 'A heliotrope also names a shade of pink-purple.', format: 'markdown' });
        const second = await detail(doc, w.at(revised));
        expect(second.body).toMatchObject({ revision: 2, format: 'markdown', version: 2 });
        expect(second.body.revisions.map((r: any) => [r.revision, r.format])).toEqual([[1, 'text'], [2, 'markdown']]);
        // Revision 1 is still indexed, but that says nothing about revision 2.
        expect(second.body.status).toMatchObject({ state: 'pending', revision: 2, chunkCount: 0 });
      });
      await w.indexed(doc.position);
      expect((await detail(doc)).body.status).toMatchObject({ state: 'indexed', revision: 2 });
    });

    it('reports progress while a large revision is being embedded', async () => {
      // Progress is written after each embedding batch (256 chunks), so it takes a few hundred chunks.
      const body = Array.from({ length: 15_000 }, (_, i) => `Ledger line ${i} records shipment ${i * 7} for warehouse ${i % 41}.`).join(' ');
      const doc = await whileIndexHeld(async () => {
        const held = await w.seed.ingest(w.acme.workspaceId, { title: 'Shipping ledger', body });
        const progress = await eventually(async () => {
          const status = (await detail(held, w.at(held.position))).body.status;
          return status.state === 'indexing' ? status : undefined;
        }, 30_000, 'indexing progress');
        expect(progress).toMatchObject({ revision: 1, chunkCount: 0, reason: null });
        // Embedding may already be done: the row stays until the index write lands.
        expect(progress.progress.total).toBeGreaterThan(256);
        expect(progress.progress.done).toBeGreaterThanOrEqual(256);
        expect(progress.progress.done).toBeLessThanOrEqual(progress.progress.total);
        expect(ids((await w.get(`/v1/workspaces/${w.acme.workspaceId}/documents?status=indexing`)).body.items)).toEqual([held.documentId]);
        return held;
      });
      await w.indexed(doc.position);
      const done = (await detail(doc)).body.status;
      expect(done).toMatchObject({ state: 'indexed', progress: null });
      expect(done.chunkCount).toBeGreaterThan(256);
      expect((await w.get(`/v1/workspaces/${w.acme.workspaceId}/documents?status=indexing`)).body.items).toEqual([]);
    });

    it('says why a document failed', async () => {
      const failed = await w.get(`/v1/documents/${w.docs.broken.documentId}`);
      expect(failed.status).toBe(200);
      expect(failed.body.status).toMatchObject({ state: 'failed', revision: 1, progress: null, chunkCount: 0, retryable: false });
      expect(failed.body.status.reason).toEqual(expect.any(String));
    });
  });

  describe('downloads', () => {
    it('serves the current and an older revision byte for byte, with safe headers', async () => {
      const first = await w.download(`/v1/documents/${w.docs.report.documentId}/content`);
      expect(first.status).toBe(200);
      expect(first.bytes.equals(Buffer.from(corpus.report.body))).toBe(true);
      expect(first.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(first.headers.get('content-length')).toBe(String(first.bytes.length));
      expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
      expect(first.headers.get('content-disposition')).toBe(
        `attachment; filename="Q3 _report_ _ Z_rich.txt"; filename*=UTF-8''Q3%20%22report%22%20%E2%80%93%20Z%C3%BCrich.txt`,
      );

      const text = 'Revenue grew again: glacier tourism and ski passes beat the forecast.';
      const position = await w.seed.revise(w.docs.report, { body: text, type: 'upload', mediaType: 'text/markdown', format: 'markdown', fileName: 'q3.md' });
      const current = await w.download(`/v1/documents/${w.docs.report.documentId}/content`, w.at(position));
      expect(current.bytes.toString('utf8')).toBe(text);
      expect(current.headers.get('content-type')).toBe('text/markdown');
      expect(current.headers.get('content-disposition')).toContain('filename="q3.md"');
      const older = await w.download(`/v1/documents/${w.docs.report.documentId}/content?revision=1`);
      expect(older.bytes.equals(Buffer.from(corpus.report.body))).toBe(true);
      expect(older.headers.get('etag')).toBe(first.headers.get('etag'));

      const missing = await w.get(`/v1/documents/${w.docs.report.documentId}/content?revision=9`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('DOCUMENT.REVISION_NOT_FOUND');
    });

    it('serves binary content unchanged', async () => {
      const file = await w.download(`/v1/documents/${w.docs.broken.documentId}/content`);
      expect(file.bytes.equals(corpus.broken.body)).toBe(true);
      expect(file.headers.get('content-type')).toBe('application/pdf');
    });

    it('names text without a file name after its title', async () => {
      const file = await w.download(`/v1/documents/${w.docs.espresso.documentId}/content`);
      expect(file.bytes.toString('utf8')).toBe(corpus.espresso.body);
      expect(file.headers.get('content-disposition')).toContain('filename="Espresso handbook.md"');
    });
  });

  it('answers bad requests with 400 and field paths', async () => {
    const bad = await w.find({ query: '  ', k: 0, mode: 'fuzzy', workspaceIds: ['nope'], filters: { from: 'yesterday', colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(
      expect.arrayContaining(['body.query', 'body.k', 'body.mode', 'body.workspaceIds.0', 'body.filters.from', 'body.filters']),
    );
    expect((await w.find({ query: 'x', extra: true })).body.errors.map((e: any) => e.path)).toEqual(['body']);
    const list = await w.get(`/v1/workspaces/${w.acme.workspaceId}/documents?status=done&limit=0`);
    expect(list.body.errors.map((e: any) => e.path).sort()).toEqual(['query.limit', 'query.status']);
    expect((await w.get('/v1/documents/not-a-uuid')).body.errors.map((e: any) => e.path)).toEqual(['params.documentId']);
    expect((await w.get(`/v1/documents/${w.docs.espresso.documentId}/content?revision=0`)).body.errors.map((e: any) => e.path)).toEqual(['query.revision']);
  });
});
