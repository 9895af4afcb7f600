import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { normalizeHost } from './allow-list';

/** One GET without following redirects; resolves when the response headers arrive. */
export function httpGet(
  url: URL,
  headers: OutgoingHttpHeaders,
  lookup: LookupFunction,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        hostname: normalizeHost(url.hostname),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        lookup,
        signal,
        // A fresh connection per hop: a pooled socket would skip the lookup guard for the next URL.
        agent: false,
      },
      resolve,
    );
    // 'on', not 'once': an abort after the headers may emit a second error, which must not go unhandled.
    outgoing.on('error', reject);
    outgoing.end();
  });
}
