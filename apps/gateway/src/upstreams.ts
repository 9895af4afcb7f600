import http from 'node:http';
import https from 'node:https';
import type { GatewayConfig } from './gateway.config';
import type { UpstreamName } from './routes';

/** One service behind the gateway, with its own keep-alive pool. */
export interface Upstream {
  readonly name: UpstreamName;
  readonly url: URL;
  request(options: http.RequestOptions): http.ClientRequest;
}

export function createUpstream(name: UpstreamName, base: string): Upstream {
  const url = new URL(base);
  const client = url.protocol === 'https:' ? https : http;
  // Keep-alive matters: every proxied request would otherwise pay a TCP handshake.
  const agent = new client.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 64 });
  return {
    name,
    url,
    request: (options) => client.request({ ...options, protocol: url.protocol, hostname: url.hostname, port: url.port, agent }),
  };
}

/** The configured upstreams by name; chat only when CHAT_URL is set. */
export function createUpstreams(config: GatewayConfig): Map<UpstreamName, Upstream> {
  const entries: [UpstreamName, string | undefined][] = [
    ['command-api', config.COMMAND_API_URL],
    ['query-api', config.QUERY_API_URL],
    ['chat', config.CHAT_URL],
  ];
  return new Map(entries.filter((e): e is [UpstreamName, string] => Boolean(e[1])).map(([name, url]) => [name, createUpstream(name, url)]));
}

/** The upstream's URL for a path of ours, keeping any base path the upstream is mounted under. */
export function upstreamPath(upstream: Upstream, path: string): string {
  return `${upstream.url.pathname.replace(/\/+$/, '')}${path}`;
}
