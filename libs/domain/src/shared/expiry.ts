import { invalid } from './domain-error';

/** True once `now` has reached `expiresAt` (ISO 8601): a credential is valid strictly before its expiry. */
export function isExpired(expiresAt: string, now: Date): boolean {
  return now.getTime() >= Date.parse(expiresAt);
}

/** Refuses an expiry that is not after `now`, with a validation error of the given code. */
export function requireFutureExpiry(expiresAt: string, now: Date, code: string): void {
  if (isExpired(expiresAt, now)) throw invalid(code, `expiry ${expiresAt} is not after ${now.toISOString()}`, { expiresAt });
}
