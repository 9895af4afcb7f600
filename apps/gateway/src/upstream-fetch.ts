import type { Upstream } from './upstreams';
import { upstreamPath } from './upstreams';

/** GETs a gateway-internal resource (readiness, OpenAPI) from an upstream, with a deadline. */
export async function fetchFromUpstream(upstream: Upstream, path: string, timeoutMs: number): Promise<Response> {
  const url = new URL(upstreamPath(upstream, path), upstream.url);
  return fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
}
