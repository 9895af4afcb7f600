import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Lower-cased, trimmed e-mail: the form uniqueness is decided on. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A keyed, irreversible id for an e-mail address (the reservation aggregate id and login lookup key). */
export function emailHash(pepper: string, email: string): string {
  return createHmac('sha256', pepper).update(normaliseEmail(email)).digest('hex');
}

/** A keyed hash of a high-entropy secret (API keys); fast, since the secret cannot be guessed. */
export function secretHash(pepper: string, secret: string): string {
  return createHmac('sha256', pepper).update(secret).digest('hex');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A random URL-safe token of `bytes` bytes of entropy. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
