import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of an aggregate's first commit. */
export const GENESIS_HASH = '0'.repeat(64);

// Domain separation: the same bytes hashed for another purpose never collide with a commit hash.
const DOMAIN = 'ragstream.commit.v1\n';

/**
 * The hash of a commit body as stored (parsed JSON): sha256 over the canonical JSON of every field
 * but `hash` itself, `prevHash` included, so it covers the link to the previous commit too.
 */
export function commitHash(body: Readonly<Record<string, unknown>>): string {
  const { hash: _ignored, ...content } = body;
  return createHash('sha256').update(DOMAIN).update(canonicalJson(content)).digest('hex');
}

/** What the next commit of the aggregate chains to: the stored hash, or for a legacy commit its content hash. */
export function linkHash(body: Readonly<Record<string, unknown>>): string {
  return typeof body.hash === 'string' ? body.hash : commitHash(body);
}
