import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { Logger } from '@ragstream/observability';
import { sendUpstreamProblem } from './problem';
import { upstreamPath, type Upstream } from './upstreams';

// Hop-by-hop headers describe one connection, not the message (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

class UpstreamTimeout extends Error {}

export interface ForwardOptions {
  readonly correlationId: string;
  readonly timeoutMs: number;
  readonly log: Logger;
}

/**
 * Streams a request to `upstream` and its answer back, chunk by chunk in both directions, so
 * uploads are not held in memory and SSE events reach the client as they are written.
 */
export function forward(req: IncomingMessage, res: ServerResponse, upstream: Upstream, options: ForwardOptions): void {
  const outgoing = upstream.request({
    method: req.method,
    path: upstreamPath(upstream, req.url ?? '/'),
    headers: requestHeaders(req, upstream, options.correlationId),
  });

  // Until response headers arrive, silence longer than timeoutMs is a 504; body progress counts
  // as activity so a slow upload is not cut. After the headers a stream may idle as it likes.
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => outgoing.destroy(new UpstreamTimeout()), options.timeoutMs);
  };
  arm();
  req.on('data', arm);
  outgoing.on('finish', arm);

  outgoing.on('response', (incoming) => {
    clearTimeout(timer);
    req.off('data', arm);
    res.writeHead(incoming.statusCode ?? 502, responseHeaders(incoming.headers, options.correlationId));
    res.flushHeaders(); // an SSE client sees the headers before the first event
    pipeline(incoming, res, (error) => {
      // Usually a client closing an SSE stream: worth a trace, not a warning.
      if (error) options.log.debug({ upstream: upstream.name, err: error.message }, 'response stream ended early');
    });
  });

  outgoing.on('error', (error) => {
    clearTimeout(timer);
    req.off('data', arm);
    if (res.headersSent) return void res.destroy();
    if (res.destroyed) return; // the client left first; nobody to answer
    const timedOut = error instanceof UpstreamTimeout;
    options.log.warn({ upstream: upstream.name, err: timedOut ? 'timeout' : error.message }, 'upstream unavailable');
    const detail = timedOut ? `${upstream.name} did not answer within ${options.timeoutMs} ms` : `${upstream.name} is not reachable`;
    sendUpstreamProblem(res, timedOut ? 504 : 502, detail, options.correlationId);
  });

  // A client that goes away (a closed SSE tab) must free the upstream connection too.
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  // pipe, not pipeline: an upstream failure must not destroy the client socket we answer on.
  req.pipe(outgoing);
}

function requestHeaders(req: IncomingMessage, upstream: Upstream, correlationId: string): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  const remote = req.socket.remoteAddress;
  return {
    ...headers,
    host: upstream.url.host,
    'x-correlation-id': correlationId,
    'x-forwarded-host': req.headers.host,
    'x-forwarded-proto': headers['x-forwarded-proto'] ?? 'http',
    'x-forwarded-for': [headers['x-forwarded-for'], remote].filter(Boolean).join(', '),
  };
}

function responseHeaders(headers: IncomingHttpHeaders, correlationId: string): OutgoingHttpHeaders {
  return { ...withoutHopByHop(headers), 'x-correlation-id': headers['x-correlation-id'] ?? correlationId };
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  // Headers named in Connection are hop-by-hop as well.
  const named = new Set(String(headers.connection ?? '').toLowerCase().split(',').map((h) => h.trim()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.has(name)));
}
