import { decodeCommit, scanStream, type JetStreamEventStore } from '@ragstream/event-store';

/**
 * The ids of every session a user started in a tenant, read from the log itself (not a read
 * model that may lag), so a session started a moment ago is found too.
 */
export async function sessionsOfUser(store: JetStreamEventStore, tenantId: string, userId: string): Promise<string[]> {
  const filterSubject = `${store.subjects.prefix}.${tenantId}.session.*`;
  const sessions: string[] = [];
  for await (const message of scanStream(store.nc, store.options.stream, { filterSubject })) {
    const commit = decodeCommit(store.registry, message);
    const started = commit.events.some((e) => e.type === 'session.started' && (e.data as { userId: string }).userId === userId);
    if (started) sessions.push(commit.envelope.aggregateId);
  }
  return sessions;
}
