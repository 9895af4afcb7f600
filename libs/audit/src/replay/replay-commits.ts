import { decodeCommit, scanStream, type Commit, type JetStreamEventStore } from '@ragstream/event-store';
import { filterSubject, scanStart, type AuditFilter } from '../filter/audit-filter';
import { CommitSelector } from '../filter/commit-selector';
import { toAuditEvents, type AuditEvent } from './audit-event';

export interface ReplayOptions {
  /** Keep reading new commits once caught up (tail) until the signal aborts. */
  readonly follow?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * The commits a filter selects, in log order, each with its selected events. Tenant, type and id
 * narrow the server-side read; everything else is filtered here after decoding (upcasters apply).
 */
export async function* replayCommits(
  store: JetStreamEventStore,
  filter: AuditFilter,
  options: ReplayOptions = {},
): AsyncGenerator<{ commit: Commit; events: AuditEvent[] }> {
  const selector = new CommitSelector(filter);
  const scan = scanStream(store.nc, store.options.stream, {
    filterSubject: filterSubject(store.subjects, filter),
    ...scanStart(filter),
    toPosition: filter.toPosition,
    follow: options.follow,
    signal: options.signal,
  });
  for await (const message of scan) {
    if (selector.pastEnd(message.storedAt)) return;
    const commit = decodeCommit(store.registry, message);
    const indexes = selector.select(commit);
    if (indexes.length > 0) yield { commit, events: toAuditEvents(commit, indexes) };
  }
}

/** The events a filter selects, one by one, in log order. */
export async function* replayEvents(store: JetStreamEventStore, filter: AuditFilter, options: ReplayOptions = {}): AsyncGenerator<AuditEvent> {
  for await (const { events } of replayCommits(store, filter, options)) yield* events;
}
