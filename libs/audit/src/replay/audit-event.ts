import type { Actor } from '@ragstream/contracts';
import type { Commit } from '@ragstream/event-store';

/** One event as audits show it: where it is in the log, its commit's envelope, and its (upcast) data. */
export interface AuditEvent {
  readonly position: number;
  readonly subject: string;
  readonly tenantId: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** The aggregate's version after this event (commits hold 1..n events). */
  readonly aggregateVersion: number;
  /** The commit's resulting version and this event's place in it. */
  readonly commitVersion: number;
  readonly eventIndex: number;
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly commitId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Null for legacy commits written before the hash chain. */
  readonly prevHash: string | null;
  readonly hash: string | null;
}

/** The selected events of a commit as audit events. */
export function toAuditEvents(commit: Commit, indexes: readonly number[]): AuditEvent[] {
  const e = commit.envelope;
  return indexes.map((index) => ({
    position: commit.position,
    subject: commit.subject,
    tenantId: e.tenantId,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    aggregateVersion: e.expectedVersion + index + 1,
    commitVersion: e.version,
    eventIndex: index,
    type: commit.events[index].type,
    data: commit.events[index].data,
    occurredAt: e.occurredAt,
    actor: e.actor,
    commitId: e.commitId,
    correlationId: e.correlationId,
    causationId: e.causationId,
    prevHash: e.prevHash ?? null,
    hash: e.hash ?? null,
  }));
}
