import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { fetchUrl } from './fetch-url';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

// A real HTTP server on loopback; every test reaches it through the allow-list, like an operator would.
const routes: Record<string, Route> = {
  '/doc.html': (_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>hi</p>'),
  '/download': (_, res) =>
    res
      .writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="guide.pdf"' })
      .end('%PDF-1.4'),
  '/gzip': (_, res) =>
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('unzipped text')),
  '/to-metadata': (_, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-doc': (_, res) => res.writeHead(301, { location: '/doc.html' }).end(),
  '/loop': (_, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/image': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('png'),
  '/missing': (_, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('nope'),
  '/declared-large': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000000' });
    res.write('x');
  },
  '/endless': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const write = (): void => void (res.destroyed || res.write('x'.repeat(1024), write));
    write();
  },
  '/hang': () => undefined,
};

describe('fetchUrl', () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];
  const allowList = ['127.0.0.1'];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requested.push(req.url ?? '');
      (routes[req.url ?? ''] ?? routes['/missing'])(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    requested.length = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches an allowed document', async () => {
    const fetched = await fetchUrl(`${base}/doc.html`, { allowList });

    expect(fetched).toEqual({
      bytes: Buffer.from('<p>hi</p>'),
      mediaType: 'text/html',
      fileName: 'doc.html',
      finalUrl: `${base}/doc.html`,
      status: 200,
    });
  });

  it('names the file from Content-Disposition and decodes gzip', async () => {
    await expect(fetchUrl(`${base}/download`, { allowList })).resolves.toMatchObject({ fileName: 'guide.pdf' });
    await expect(fetchUrl(`${base}/gzip`, { allowList })).resolves.toMatchObject({ bytes: Buffer.from('unzipped text') });
  });

  it('refuses loopback by default, for literal IPs and resolved names, before any request is sent', async () => {
    const port = new URL(base).port;

    await expect(fetchUrl(`${base}/doc.html`)).rejects.toMatchObject({
      code: 'URL.BLOCKED_ADDRESS',
      reason: 'refused to connect to 127.0.0.1: loopback address',
    });
    await expect(fetchUrl(`http://localhost:${port}/doc.html`)).rejects.toMatchObject({
      code: 'URL.BLOCKED_ADDRESS',
      reason: 'refused to connect to localhost (127.0.0.1): loopback address',
    });
    expect(requested).toEqual([]);
  });

  it('checks the address a name resolves to against the allow-list', async () => {
    const port = new URL(base).port;

    await expect(fetchUrl(`http://localhost:${port}/doc.html`, { allowList })).resolves.toMatchObject({ status: 200 });
  });

  it('follows redirects but refuses one that points at a blocked address', async () => {
    await expect(fetchUrl(`${base}/to-doc`, { allowList })).resolves.toMatchObject({ finalUrl: `${base}/doc.html` });
    await expect(fetchUrl(`${base}/to-metadata`, { allowList })).rejects.toMatchObject({
      code: 'URL.BLOCKED_ADDRESS',
      reason: 'refused to connect to 169.254.169.254: link-local address',
    });
  });

  it('gives up after maxRedirects', async () => {
    await expect(fetchUrl(`${base}/loop`, { allowList, maxRedirects: 3 })).rejects.toMatchObject({
      code: 'URL.TOO_MANY_REDIRECTS',
    });
    expect(requested).toEqual(['/loop', '/loop', '/loop', '/loop']);
  });

  it('refuses a body that streams past maxBytes without a Content-Length', async () => {
    await expect(fetchUrl(`${base}/endless`, { allowList, maxBytes: 10_000 })).rejects.toMatchObject({
      code: 'URL.TOO_LARGE',
    });
  });

  it('refuses a declared Content-Length over maxBytes before reading the body', async () => {
    await expect(fetchUrl(`${base}/declared-large`, { allowList, maxBytes: 1000 })).rejects.toMatchObject({
      code: 'URL.TOO_LARGE',
    });
  });

  it('times out when the server never answers', async () => {
    await expect(fetchUrl(`${base}/hang`, { allowList, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'URL.TIMEOUT',
    });
  });

  it('refuses content types it cannot extract', async () => {
    await expect(fetchUrl(`${base}/image`, { allowList })).rejects.toMatchObject({
      code: 'URL.UNSUPPORTED_CONTENT_TYPE',
      reason: 'content type image/png is not accepted',
    });
  });

  it('reports HTTP errors with their status', async () => {
    await expect(fetchUrl(`${base}/missing`, { allowList })).rejects.toMatchObject({
      code: 'URL.HTTP_ERROR',
      status: 404,
    });
  });

  it('reports a server that refuses the connection as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    await expect(fetchUrl(`http://127.0.0.1:${port}/`, { allowList })).rejects.toMatchObject({
      code: 'URL.UNREACHABLE',
      reason: `could not reach 127.0.0.1:${port} (ECONNREFUSED)`,
    });
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/x', 'not a url'])('refuses %s as invalid', async (url) => {
    await expect(fetchUrl(url)).rejects.toMatchObject({ code: 'URL.INVALID' });
  });
});
