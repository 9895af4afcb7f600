import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Platform, newTenant } from './platform-harness';

type Tenant = Awaited<ReturnType<typeof newTenant>>;

const NOTES = '# Field notes\n\n## Pumps\n\nThe centrifugal pump cavitates when the inlet pressure drops.\n\n## Valves\n\nGate valves stay fully open or fully closed.';

describe('documents over HTTP: ingest, revise, delete, limits', () => {
  let platform: Platform;
  let acme: Tenant;
  let site: Server;
  let siteUrl: string;
  beforeAll(async () => {
    site = createServer((req, res) => {
      if (req.url === '/guide.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>Guide</title></head><body><nav>Home | About</nav><main><h1>Heat exchangers</h1><p>Plate heat exchangers foul quickly with hard water.</p></main><footer>(c)</footer></body></html>');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    platform = await Platform.start({ URL_FETCH_ALLOW_LIST: '127.0.0.1', DOCUMENT_MAX_BYTES: '4096', WORKSPACE_MAX_DOCUMENTS: '6' });
    acme = await newTenant(platform, 'acme');
  });
  afterAll(async () => {
    await platform?.close();
    site?.close();
  });

  const ingest = (body: object, tenant = acme, workspaceId = acme.workspaceId) =>
    platform.call('POST', `/v1/workspaces/${workspaceId}/documents`, { token: tenant.token, body });
  const search = (query: string, minPosition: number, tenant = acme, mode = 'hybrid') =>
    platform.call('POST', '/v1/search', { token: tenant.token, body: { query, minPosition, mode, k: 10 } });
  const upload = (form: FormData, tenant = acme, workspaceId = acme.workspaceId) =>
    platform.call('POST', `/v1/workspaces/${workspaceId}/documents/files`, { token: tenant.token, form });

  it('uploads a Markdown file, indexes it and finds it with its heading path', async () => {
    const form = new FormData();
    form.set('file', new Blob([NOTES], { type: 'text/markdown' }), 'notes.md');
    form.set('tags', 'plant, maintenance');
    form.set('metadata', JSON.stringify({ site: 'north' }));
    const accepted = await upload(form);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ documentId: expect.any(String), revision: 1, duplicate: false });

    const found = await search('pump cavitation inlet pressure', accepted.body.position);
    expect(found.status).toBe(200);
    expect(found.body.hits[0]).toMatchObject({ documentId: accepted.body.documentId, title: 'notes.md' });
    expect(found.body.hits[0].text).toContain('cavitates');
    expect(found.body.hits[0].anchor.headingPath).toEqual(expect.arrayContaining(['Field notes']));

    const detail = await platform.call('GET', `/v1/documents/${accepted.body.documentId}?minPosition=${accepted.body.position}`, { token: acme.token });
    expect(detail.body).toMatchObject({ tags: ['plant', 'maintenance'], metadata: { site: 'north' }, format: 'markdown', status: { state: 'indexed' } });
  });

  it('renames, retags and sets metadata in one request, and the detail shows all three', async () => {
    const doc = await ingest({ title: 'Labels', text: 'Chillers reject heat through a cooling tower.' });
    const labelled = await platform.call('PATCH', `/v1/documents/${doc.body.documentId}`, {
      token: acme.token,
      body: { title: 'Labels, renamed', tags: ['hvac', 'cooling'], metadata: { floor: 3 } },
    });
    expect(labelled.status).toBe(200);
    const detail = await platform.call('GET', `/v1/documents/${doc.body.documentId}?minPosition=${labelled.body.position}`, { token: acme.token });
    expect(detail.body).toMatchObject({ title: 'Labels, renamed', tags: ['hvac', 'cooling'], metadata: { floor: 3 } });
  });

  it('recognises the same content sent again and writes nothing new', async () => {
    const first = await ingest({ title: 'Dup', text: 'Boilers need annual inspection of their safety valves.' });
    const again = await ingest({ title: 'Dup again', text: 'Boilers need annual inspection of their safety valves.' });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ documentId: first.body.documentId, duplicate: true });
    const hits = (await search('boilers annual inspection safety valves', Math.max(first.body.position, again.body.position))).body.hits;
    expect(hits.filter((h: { documentId: string }) => h.documentId === first.body.documentId)).toHaveLength(1);
  });

  it('fetches a URL, keeping the main text only', async () => {
    const accepted = await ingest({ url: `${siteUrl}/guide.html`, tags: [] });
    expect(accepted.status).toBe(202);
    const hits = (await search('plate heat exchangers hard water', accepted.body.position)).body.hits;
    expect(hits[0].documentId).toBe(accepted.body.documentId);
    expect(hits[0].text).not.toContain('Home | About');
  });

  it('refuses a private address that is not allowed, with the reason', async () => {
    const refused = await ingest({ url: 'http://169.254.169.254/latest/meta-data', tags: [] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'URL.BLOCKED_ADDRESS' });
  });

  it('leaves no superseded chunk in any mode after a revision, and none at all after delete', async () => {
    const created = await ingest({ title: 'Procedure', text: 'Lubricate the conveyor bearings with lithium grease every week.' });
    const revised = await platform.call('POST', `/v1/documents/${created.body.documentId}/revisions`, {
      token: acme.token,
      body: { text: 'Inspect the conveyor belt tension with a spring gauge every month.' },
    });
    expect(revised.status).toBe(202);
    expect(revised.body).toMatchObject({ revision: 2, duplicate: false });
    for (const mode of ['hybrid', 'vector', 'lexical']) {
      const hits = (await search('lithium grease bearings', revised.body.position, acme, mode)).body.hits;
      expect(hits.filter((h: { text: string }) => h.text.includes('lithium'))).toEqual([]);
    }
    const current = (await search('conveyor belt tension spring gauge', revised.body.position)).body.hits;
    expect(current[0]).toMatchObject({ documentId: created.body.documentId, revision: 2 });

    const deleted = await platform.call('DELETE', `/v1/documents/${created.body.documentId}`, { token: acme.token });
    expect(deleted.status).toBe(200);
    for (const mode of ['hybrid', 'vector', 'lexical']) {
      const hits = (await search('conveyor belt tension spring gauge', deleted.body.position, acme, mode)).body.hits;
      expect(hits.filter((h: { documentId: string }) => h.documentId === created.body.documentId)).toEqual([]);
    }
  });

  it('answers 413 for a body over the size limit, with nothing written', async () => {
    const before = await platform.call('GET', `/v1/workspaces/${acme.workspaceId}/documents`, { token: acme.token });
    const tooBig = await ingest({ title: 'Huge', text: 'x'.repeat(5000) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toContain('application/problem+json');
    expect(tooBig.body).toMatchObject({ code: 'DOCUMENT.TOO_LARGE', details: { limit: 4096 } });
    const after = await platform.call('GET', `/v1/workspaces/${acme.workspaceId}/documents`, { token: acme.token });
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('keeps tenants apart: another tenant cannot see, change or find these documents', async () => {
    const globex = await newTenant(platform, 'globex');
    const mine = await ingest({ title: 'Secret', text: 'The turbine overhaul budget is confidential.' });
    const theirs = await search('turbine overhaul budget', mine.body.position, globex);
    expect(theirs.body.hits).toEqual([]);
    const change = await platform.call('PATCH', `/v1/documents/${mine.body.documentId}`, { token: globex.token, body: { title: 'Mine now' } });
    expect(change.status).toBe(404);
    const into = await ingest({ title: 'Sneak', text: 'hello' }, globex, acme.workspaceId);
    expect(into.status).toBe(404);
  });

  it('gives field paths for bad bodies', async () => {
    const bad = await ingest({ title: '', text: 'x', tags: 'not-a-list' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.length).toBeGreaterThan(0);
    const form = new FormData();
    form.set('metadata', '{"bad key": 1}');
    form.set('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    const badUpload = await upload(form);
    expect(badUpload.status).toBe(400);
    expect(badUpload.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^body\.metadata/) })]));
  });

  it('answers 429 once the workspace holds its maximum of documents', async () => {
    let last;
    for (let i = 0; i < 8; i++) {
      last = await ingest({ title: `Filler ${i}`, text: `Filler document number ${i} about pressure vessels.` });
      if (last.status === 429) break;
      // The quota counts the read model: wait for this write before the next check.
      await platform.call('GET', `/v1/workspaces/${acme.workspaceId}/documents?minPosition=${last.body.position}`, { token: acme.token });
    }
    expect(last!.status).toBe(429);
    expect(last!.body).toMatchObject({ code: 'WORKSPACE.DOCUMENT_LIMIT', details: { limit: 6 } });
  });
});
