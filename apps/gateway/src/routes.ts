export type UpstreamName = 'command-api' | 'query-api' | 'chat';

interface Route {
  /** Path prefixes this route owns (matched on whole segments); none means every path. */
  readonly prefixes?: readonly string[];
  /** Methods this route takes; none means every method. */
  readonly methods?: readonly string[];
  readonly upstream: UpstreamName;
}

/** The routing table, first match wins: conversations go to chat, reads to query-api, writes to command-api. */
export const ROUTES: readonly Route[] = [
  // /v1/models belongs to chat's OpenAI-compatible API: SDKs list models next to /v1/chat/completions.
  { prefixes: ['/v1/chat', '/v1/conversations', '/v1/models'], upstream: 'chat' },
  // Search is a query with a body too rich for a query string.
  { prefixes: ['/v1/search'], methods: ['POST'], upstream: 'query-api' },
  { methods: ['GET', 'HEAD'], upstream: 'query-api' },
  { upstream: 'command-api' },
];

/** The upstream that serves `method` on `url` (path with optional query string). */
export function routeFor(method: string, url: string): UpstreamName {
  const path = url.split('?')[0];
  const route = ROUTES.find(
    (r) =>
      (!r.methods || r.methods.includes(method.toUpperCase())) &&
      (!r.prefixes || r.prefixes.some((p) => path === p || path.startsWith(`${p}/`))),
  );
  return route!.upstream; // the last route matches everything
}
