import { fetchFromUpstream } from './upstream-fetch';
import type { Upstream } from './upstreams';

type Dict = Record<string, Record<string, unknown>>;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Dict;
  components?: Dict;
  tags?: { name: string }[];
  [extension: string]: unknown;
}

/**
 * One document for the whole API: paths merged per operation, components per name, tags by
 * name. On a clash the first document wins; they come from the same contracts, so clashes
 * are identical copies. Upstreams that could not be read are listed in `x-unavailable`.
 */
export function mergeOpenApi(parts: readonly OpenApiDocument[], unavailable: readonly string[] = []): OpenApiDocument {
  const paths: Dict = {};
  const components: Dict = {};
  const tags: { name: string }[] = [];
  for (const part of parts) {
    for (const [path, operations] of Object.entries(part.paths ?? {})) paths[path] = { ...operations, ...paths[path] };
    for (const [kind, entries] of Object.entries(part.components ?? {})) components[kind] = { ...entries, ...components[kind] };
    for (const tag of part.tags ?? []) if (!tags.some((t) => t.name === tag.name)) tags.push(tag);
  }
  const security = parts.find((p) => p.security)?.security;
  return {
    openapi: parts[0]?.openapi ?? '3.1.0',
    info: { title: 'Ragstream API', version: parts[0]?.info.version ?? '1.0.0', description: 'Every Ragstream service behind one base URL.' },
    servers: [{ url: '/' }],
    paths,
    components,
    ...(tags.length ? { tags } : {}),
    ...(security ? { security } : {}),
    ...(unavailable.length ? { 'x-unavailable': [...unavailable] } : {}),
  };
}

/** Fetches every upstream's /openapi.json and merges what answered. */
export async function gatewayOpenApi(upstreams: Iterable<Upstream>, timeoutMs = 3000): Promise<OpenApiDocument> {
  const results = await Promise.all(
    [...upstreams].map(async (u) => {
      try {
        const response = await fetchFromUpstream(u, '/openapi.json', timeoutMs);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return { name: u.name, document: (await response.json()) as OpenApiDocument };
      } catch {
        return { name: u.name, document: undefined };
      }
    }),
  );
  const documents = results.flatMap((r) => (r.document ? [r.document] : []));
  return mergeOpenApi(documents, results.filter((r) => !r.document).map((r) => r.name));
}
