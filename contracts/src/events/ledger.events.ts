import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import { Sha256Hex } from './identity.schemas';

/**
 * Aggregate `ledger`, id = the tenant id (subject `<prefix>.<tenant>.ledger.<tenant>`): integrity
 * checkpoints. `root` is a sha256 over the head version and hash of every other aggregate of the
 * tenant at `upToPosition`, so a truncated or rewritten aggregate no longer matches it.
 */
export const LedgerCheckpointed = defineEvent('ledger.checkpointed', [
  z.object({
    upToPosition: z.number().int().nonnegative(),
    aggregates: z.number().int().nonnegative(),
    commits: z.number().int().nonnegative(),
    root: Sha256Hex,
  }),
]);

export const ledgerEvents = [LedgerCheckpointed] as const;
export type LedgerEvent = EventOf<(typeof ledgerEvents)[number]>;
