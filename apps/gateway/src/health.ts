import { fetchFromUpstream } from './upstream-fetch';
import type { Upstream } from './upstreams';

export interface Readiness {
  readonly ready: boolean;
  readonly upstreams: Record<string, string>;
}

/** Ready when every configured upstream answers its own /readyz with 2xx. */
export async function readiness(upstreams: Iterable<Upstream>, timeoutMs = 2000): Promise<Readiness> {
  const results = await Promise.all(
    [...upstreams].map(async (u) => {
      try {
        const response = await fetchFromUpstream(u, '/readyz', timeoutMs);
        await response.body?.cancel();
        return [u.name, response.ok ? 'up' : `down: HTTP ${response.status}`] as const;
      } catch (error) {
        return [u.name, `down: ${(error as Error).message}`] as const;
      }
    }),
  );
  return { ready: results.every(([, status]) => status === 'up'), upstreams: Object.fromEntries(results) };
}
