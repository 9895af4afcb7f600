import type { JetStreamEventStore } from '@ragstream/event-store';
import type { AuditFilter } from '../filter/audit-filter';
import type { AuditEvent } from './audit-event';
import { replayCommits } from './replay-commits';

export interface AuditPage {
  readonly items: AuditEvent[];
  /** The position to continue after, or null at the end; pages never split a commit. */
  readonly nextCursor: string | null;
}

/** One page of a filtered replay: about `limit` events after the `after` position. */
export async function readAuditPage(store: JetStreamEventStore, filter: AuditFilter, page: { after?: number; limit: number }): Promise<AuditPage> {
  // Without a cursor the filter's own start (a position or a time) applies.
  const from = page.after === undefined ? filter : { ...filter, fromPosition: Math.max(filter.fromPosition ?? 1, page.after + 1) };
  const items: AuditEvent[] = [];
  for await (const { commit, events } of replayCommits(store, from)) {
    items.push(...events);
    if (items.length >= page.limit) return { items, nextCursor: String(commit.position) };
  }
  return { items, nextCursor: null };
}
