import type { CommitEnvelope } from '@ragstream/contracts';
import { GENESIS_HASH, commitHash } from '@ragstream/event-store';
import type { NatsConnection } from 'nats';
import { progress } from './load';

const TENANTS = 100;
const encoder = new TextEncoder();
const OCCURRED_AT = '2026-11-22T08:00:00.000Z';

/** A version 4 UUID made from a number, so row i is the same in every phase without keeping a million rows in memory. */
export const uuidOf = (kind: number, i: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** What the identity projection writes for commit i: a workspace and its owner's membership. */
export function workspaceRow(i: number) {
  return { workspaceId: uuidOf(1, i), tenantId: uuidOf(2, i % TENANTS), ownerUserId: uuidOf(3, i % 5000), name: `Workspace ${i}`, at: OCCURRED_AT, position: i + 1 };
}

/** Commit i as the event store writes it: one workspace.created event on a fresh aggregate, chained and hashed. */
export function workspaceCommit(subjectPrefix: string, i: number): { subject: string; body: Uint8Array } {
  const row = workspaceRow(i);
  const content: CommitEnvelope = {
    commitId: uuidOf(4, i),
    tenantId: row.tenantId,
    aggregateType: 'workspace',
    aggregateId: row.workspaceId,
    expectedVersion: 0,
    version: 1,
    occurredAt: OCCURRED_AT,
    actor: { type: 'user', id: row.ownerUserId },
    correlationId: uuidOf(5, i),
    causationId: null,
    events: [{ type: 'workspace.created', version: 1, data: { name: row.name, ownerUserId: row.ownerUserId } }],
    prevHash: GENESIS_HASH,
  };
  const envelope = { ...content, hash: commitHash(content) };
  return { subject: `${subjectPrefix}.${row.tenantId}.workspace.${row.workspaceId}`, body: encoder.encode(JSON.stringify(envelope)) };
}

/**
 * Fills the stream with `total` commits as plain publishes the stream captures (no ack per
 * message: this only prepares the benchmark), flushing every `window` so the server keeps up,
 * then waits until the stream holds them all. Answers the fill rate.
 */
export async function publishWorkspaces(nc: NatsConnection, stream: string, subjectPrefix: string, total: number, window: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const { subject, body } = workspaceCommit(subjectPrefix, i);
    nc.publish(subject, body);
    if ((i + 1) % window === 0) await nc.flush();
    if ((i + 1) % 100_000 === 0) progress(`published ${i + 1}/${total}`);
  }
  const jsm = await nc.jetstreamManager();
  for (let stored = 0, still = 0; stored < total; ) {
    const before = stored;
    stored = (await jsm.streams.info(stream)).state.messages;
    still = stored === before ? still + 1 : 0;
    if (still > 50) throw new Error(`the stream holds ${stored} of ${total} commits and takes no more`);
    if (stored < total) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (total * 1000) / (performance.now() - started);
}
