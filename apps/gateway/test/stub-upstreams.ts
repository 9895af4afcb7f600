import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubUpstreams {
  readonly command: string;
  readonly query: string;
  /** A URL nothing listens on. */
  readonly deadUrl: string;
  /** Lets the SSE stub write its second event and end. */
  releaseStream(): void;
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const openapi = (paths: string[]) => ({ openapi: '3.1.0', info: { title: 's', version: '1.0.0' }, paths: Object.fromEntries(paths.map((p) => [p, { get: {} }])) });

/** Two stub services that echo what reached them, plus an SSE stream and a never-answering path. */
export async function startStubUpstreams(): Promise<StubUpstreams> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));

  const stub = (service: string) =>
    http.createServer(async (req, res) => {
      if (req.url === '/readyz') return json(res, 200, { status: 'ready' });
      if (req.url === '/openapi.json') return json(res, 200, openapi(service === 'query' ? ['/v1/workspaces', '/v1/events'] : ['/v1/workspaces']));
      if (req.url === '/v1/slow') return; // never answers
      if (req.url === '/v1/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write('data: one\n\n');
        await released;
        return res.end('data: two\n\n');
      }
      let body = '';
      for await (const chunk of req) body += chunk;
      json(res, req.method === 'POST' ? 201 : 200, { service, method: req.method, url: req.url, body, correlationId: req.headers['x-correlation-id'] });
    });

  const servers = [stub('command'), stub('query'), http.createServer()];
  const urls = await Promise.all(
    servers.map(async (server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }),
  );
  // The third server only reserved a free port; closing it leaves that port dead.
  await new Promise((resolve) => servers[2].close(resolve));
  return {
    command: urls[0],
    query: urls[1],
    deadUrl: urls[2],
    releaseStream: release,
    async close() {
      release();
      for (const server of servers.slice(0, 2)) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
