import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createLogger, runWithContext } from '@ragstream/observability';
import { DOCS_INIT, DOCS_PAGE, sendDocsAsset } from './docs';
import type { GatewayConfig } from './gateway.config';
import { readiness } from './health';
import { gatewayOpenApi } from './openapi';
import { sendUpstreamProblem } from './problem';
import { forward } from './proxy';
import { routeFor } from './routes';
import { createUpstreams } from './upstreams';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/; // the same rule the apps apply
const log = createLogger('gateway');

/** The gateway's HTTP server: its own few endpoints, everything else proxied by the routing table. */
export function createGatewayServer(config: GatewayConfig): http.Server {
  const upstreams = createUpstreams(config);

  const ownRoutes: Record<string, (res: ServerResponse) => Promise<void> | void> = {
    '/healthz': (res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': async (res) => {
      const result = await readiness(upstreams.values());
      sendJson(res, result.ready ? 200 : 503, { status: result.ready ? 'ready' : 'not-ready', upstreams: result.upstreams });
    },
    ...(config.OPENAPI_ENABLED && {
      '/openapi.json': async (res) => sendJson(res, 200, await gatewayOpenApi(upstreams.values())),
      '/docs': (res) => send(res, 200, 'text/html; charset=utf-8', DOCS_PAGE),
      '/docs/init.js': (res) => send(res, 200, 'text/javascript; charset=utf-8', DOCS_INIT),
    }),
  };

  function handle(req: IncomingMessage, res: ServerResponse, correlationId: string): void | Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const own = ownRoutes[path.replace(/\/$/, '') || '/'];
    if (own && (req.method === 'GET' || req.method === 'HEAD')) return own(res);
    if (config.OPENAPI_ENABLED && path.startsWith('/docs/assets/') && sendDocsAsset(path.slice('/docs/assets/'.length), res)) return;
    const name = routeFor(req.method ?? 'GET', req.url ?? '/');
    const upstream = upstreams.get(name);
    if (!upstream) return sendUpstreamProblem(res, 503, `${name} is not configured on this gateway`, correlationId);
    forward(req, res, upstream, { correlationId, timeoutMs: config.UPSTREAM_TIMEOUT_MS, log });
  }

  return http.createServer((req, res) => {
    const incoming = req.headers['x-correlation-id'];
    const correlationId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    res.on('close', () => {
      const ms = Math.round(performance.now() - started);
      runWithContext({ correlationId }, () => log.info({ method: req.method, url: req.url, status: res.statusCode, ms }, 'request'));
    });
    runWithContext({ correlationId }, async () => {
      try {
        await handle(req, res, correlationId);
      } catch (error) {
        log.error({ err: error }, 'gateway endpoint failed');
        if (!res.headersSent) sendJson(res, 500, { status: 'error' });
      }
    });
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
