import { createHmac, randomBytes } from 'node:crypto';
import { randomToken } from './secrets';

const FORMAT = /^rsk_([a-z0-9]{10})_([A-Za-z0-9_-]{32,64})$/;

/** `rsk_<prefix>_<secret>`: the prefix is stored in clear to find the key, the secret only hashed. */
export function formatApiKey(prefix: string, secret: string): string {
  return `rsk_${prefix}_${secret}`;
}

export function parseApiKey(key: string): { prefix: string; secret: string } | undefined {
  const match = FORMAT.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : undefined;
}

/**
 * A new key's prefix and secret. With a commit id (an idempotent retry), both are derived from it
 * so the retried command answers the same key; otherwise they are random.
 */
export function newApiKeyMaterial(pepper: string, commitId?: string): { prefix: string; secret: string } {
  if (!commitId) return { prefix: prefixFrom(randomBytes(10)), secret: randomToken(32) };
  const seed = createHmac('sha256', pepper).update(`apikey:${commitId}`).digest();
  return { prefix: prefixFrom(seed), secret: createHmac('sha256', pepper).update(`apikey-secret:${commitId}`).digest('base64url') };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function prefixFrom(bytes: Buffer): string {
  return [...bytes.subarray(0, 10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}
