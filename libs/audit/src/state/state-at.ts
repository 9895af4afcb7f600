import { DomainError, deciderFor } from '@ragstream/domain';
import type { Commit, JetStreamEventStore } from '@ragstream/event-store';

/** A moment in the log: a position, a time (compared with `occurredAt`), or both; none is now. */
export interface Moment {
  readonly position?: number;
  readonly time?: Date;
}

export interface AggregateAddress {
  readonly tenantId: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
}

export interface AggregateStateAt extends AggregateAddress {
  /** The aggregate's version then; 0 when it did not exist yet. */
  readonly version: number;
  /** The position of the last commit folded; 0 when none. */
  readonly position: number;
  readonly occurredAt: string | null;
  readonly state: unknown;
}

const includes = (commit: Commit, at: Moment) =>
  (at.position === undefined || commit.position <= at.position) && (at.time === undefined || Date.parse(commit.envelope.occurredAt) <= at.time.getTime());

/**
 * The aggregate's state at a moment: its commits up to then folded with its decider's evolve. The
 * fold stops at the first commit after the moment, so the answer is a state the aggregate had.
 */
export async function stateAt(store: JetStreamEventStore, address: AggregateAddress, at: Moment = {}): Promise<AggregateStateAt> {
  const decider = deciderFor(address.aggregateType);
  if (!decider) throw new DomainError('AUDIT.UNKNOWN_AGGREGATE_TYPE', 'validation', `no decider folds aggregates of type ${address.aggregateType}`);
  const commits = await store.readStream(address.tenantId, address.aggregateType, address.aggregateId);
  if (commits.length === 0) throw new DomainError('AUDIT.AGGREGATE_NOT_FOUND', 'not-found', 'no such aggregate');
  let state: unknown = decider.initialState();
  let last: Commit | undefined;
  for (const commit of commits) {
    if (!includes(commit, at)) break;
    state = commit.events.reduce((s, e) => decider.evolve(s, e), state);
    last = commit;
  }
  return { ...address, version: last?.envelope.version ?? 0, position: last?.position ?? 0, occurredAt: last?.envelope.occurredAt ?? null, state };
}
