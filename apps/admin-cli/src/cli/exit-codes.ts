import { ConfigError } from '@ragstream/config';
import { DomainError } from '@ragstream/domain';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, usage: 1, notFound: 2, conflict: 3, failed: 4 } as const;

/** The log is not what its hashes, versions or checkpoints say: reported, then exit 4. */
export class IntegrityError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'IntegrityError';
  }
}

/** Usage for bad input and settings, 2 and 3 for what the domain calls not found and conflict, 4 for the rest. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError) return EXIT.usage;
  if (error instanceof DomainError) {
    if (error.category === 'validation') return EXIT.usage;
    if (error.category === 'not-found') return EXIT.notFound;
    if (error.category === 'conflict') return EXIT.conflict;
  }
  return EXIT.failed;
}
