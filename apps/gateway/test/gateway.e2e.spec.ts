import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStubUpstreams, type StubUpstreams } from './stub-upstreams';

// The gateway in-process over loopback, against stub upstreams: no other service is needed.
describe('gateway (HTTP, stub upstreams)', () => {
  let stubs: StubUpstreams;
  let gateway: http.Server;
  let base: string;

  // Bodies are checked with matchers, so loose typing is enough here.
  const json = async (response: Response): Promise<any> => response.json();
  const listen = async (server: http.Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent'; // jest gives each file its own process.env
    const { loadGatewayConfig } = await import('../src/gateway.config');
    const { createGatewayServer } = await import('../src/server');
    stubs = await startStubUpstreams();
    const config = loadGatewayConfig({
      COMMAND_API_URL: stubs.command,
      QUERY_API_URL: stubs.query,
      CHAT_URL: stubs.deadUrl,
      UPSTREAM_TIMEOUT_MS: '300',
    });
    gateway = createGatewayServer(config);
    base = await listen(gateway);
  });
  afterAll(async () => {
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
    await stubs.close();
  });

  it('sends reads to query-api with a fresh correlation id on both sides', async () => {
    const response = await fetch(`${base}/v1/workspaces?limit=2`);
    const body = await json(response);
    expect(body).toMatchObject({ service: 'query', method: 'GET', url: '/v1/workspaces?limit=2' });
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-correlation-id')).toBe(body.correlationId);
  });

  it('streams writes to command-api and keeps the caller correlation id', async () => {
    const response = await fetch(`${base}/v1/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'corr-1' },
      body: JSON.stringify({ name: 'w' }),
    });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ service: 'command', method: 'POST', body: '{"name":"w"}', correlationId: 'corr-1' });
  });

  it('delivers each SSE event while the upstream stream is still open', async () => {
    const response = await fetch(`${base}/v1/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('data: one\n\n');
    stubs.releaseStream(); // only now does the upstream write the rest and end
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('data: two\n\n');
  });

  it('answers 502 problem+json when an upstream is down', async () => {
    const response = await fetch(`${base}/v1/conversations`, { headers: { 'x-correlation-id': 'corr-2' } });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await json(response)).toMatchObject({ status: 502, code: 'GATEWAY.UPSTREAM_UNAVAILABLE', detail: 'chat is not reachable', correlationId: 'corr-2' });
  });

  it('answers 504 when an upstream sends no response headers in time', async () => {
    const response = await fetch(`${base}/v1/slow`, { method: 'POST' });
    expect(response.status).toBe(504);
    expect(await json(response)).toMatchObject({ code: 'GATEWAY.UPSTREAM_UNAVAILABLE', title: 'Gateway Timeout' });
  });

  it('is live on its own and ready only when every upstream is', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect((await json(ready)).upstreams).toMatchObject({ 'command-api': 'up', 'query-api': 'up', chat: expect.stringMatching(/^down/) });
  });

  it('merges the upstreams\' OpenAPI documents and serves Swagger UI locally', async () => {
    const document = await json(await fetch(`${base}/openapi.json`));
    expect(Object.keys(document.paths).sort()).toEqual(['/v1/events', '/v1/workspaces']);
    expect(document['x-unavailable']).toEqual(['chat']);
    const page = await (await fetch(`${base}/docs`)).text();
    expect(page).toContain('/docs/assets/swagger-ui-bundle.js');
    const asset = await fetch(`${base}/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    await asset.body?.cancel();
  });
});
