import { DomainError } from '@ragstream/domain';
import { scanStream, type JetStreamEventStore } from '@ragstream/event-store';

/** The tenant an aggregate lives under, found from its first commit, for commands given only a type and id. */
export async function locateTenant(store: JetStreamEventStore, aggregateType: string, aggregateId: string): Promise<string> {
  const filterSubject = `${store.subjects.prefix}.*.${aggregateType}.${aggregateId}`;
  for await (const message of scanStream(store.nc, store.options.stream, { filterSubject })) {
    return store.subjects.parse(message.subject).tenantId;
  }
  throw new DomainError('AUDIT.AGGREGATE_NOT_FOUND', 'not-found', `no ${aggregateType} ${aggregateId} in the log`);
}
