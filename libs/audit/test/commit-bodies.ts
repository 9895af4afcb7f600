import { GENESIS_HASH, Subjects, commitHash } from '@ragstream/event-store';

const encoder = new TextEncoder();
export const subjects = new Subjects('evt');

/** A commit body as the store writes it, chained to `prevHash` (omit it for a legacy body). */
export function body(tenantId: string, aggregateId: string, version: number, prevHash: string | null, data: object = { by: version }) {
  const content: Record<string, unknown> = {
    commitId: `c-${aggregateId}-${version}`,
    tenantId,
    aggregateType: 'counter',
    aggregateId,
    expectedVersion: version - 1,
    version,
    occurredAt: new Date(Date.UTC(2030, 0, 1, 0, 0, version)).toISOString(),
    actor: { type: 'user', id: 'u1' },
    correlationId: 'k',
    causationId: null,
    events: [{ type: 'counter.incremented', version: 1, data }],
  };
  if (prevHash === null) return content;
  const chained = { ...content, prevHash };
  return { ...chained, hash: commitHash(chained) };
}

/** `count` chained commits of one aggregate, as stored messages from position `from`. */
export function chain(tenantId: string, aggregateId: string, count: number, from = 1) {
  const messages: { seq: number; subject: string; data: Uint8Array; body: Record<string, unknown> }[] = [];
  let prev = GENESIS_HASH;
  for (let version = 1; version <= count; version++) {
    const b = body(tenantId, aggregateId, version, prev);
    prev = b.hash as string;
    messages.push(message(from + version - 1, b));
  }
  return messages;
}

export function message(seq: number, b: Record<string, unknown>) {
  const subject = subjects.aggregate(b.tenantId as string, b.aggregateType as string, b.aggregateId as string);
  return { seq, subject, data: encoder.encode(JSON.stringify(b)), body: b };
}
