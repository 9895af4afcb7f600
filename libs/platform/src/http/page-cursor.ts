import { DomainError } from '@ragstream/domain';

/** Where a keyset page ended: the sort key and the id of its last row. */
export interface PageKey {
  readonly at: string;
  readonly id: string;
}

/** Opaque to clients, so the sort key can change without breaking their contract. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): PageKey {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string') return { at, id };
  } catch {
    // fall through to the validation error
  }
  throw new DomainError('REQUEST.INVALID_CURSOR', 'validation', 'the cursor is not one this API issued');
}
