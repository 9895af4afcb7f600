import { createHash } from 'node:crypto';

/** The head of one aggregate: its last version and the chain link of its last commit. */
export interface AggregateHead {
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly version: number;
  readonly hash: string;
}

const DOMAIN = 'ragstream.ledger.v1\n';

/**
 * A sha256 over every head, sorted by type and id: one line `<type>.<id> <version> <hash>` each.
 * Any aggregate whose tail was cut, rewritten or added changes it.
 */
export function checkpointRoot(heads: Iterable<AggregateHead>): string {
  const lines = [...heads].map((h) => `${h.aggregateType}.${h.aggregateId} ${h.version} ${h.hash}\n`).sort();
  const hash = createHash('sha256').update(DOMAIN);
  for (const line of lines) hash.update(line);
  return hash.digest('hex');
}

/** The aggregate type whose commits record checkpoints; it is left out of its own root. */
export const LEDGER_TYPE = 'ledger';
