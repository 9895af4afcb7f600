import { DomainError } from '@ragstream/domain';

/** Another commit reached the aggregate first: the caller's view was stale. */
export class ConcurrencyConflictError extends DomainError {
  constructor(subject: string, expectedSequence: number, readonly serverMessage: string) {
    super('AGGREGATE.CONCURRENCY_CONFLICT', 'conflict', `the resource was changed by another request; reload and retry`, {
      subject,
      expectedSequence,
    });
  }
}

/** The event store could not be reached or did not answer in time. */
export class EventStoreUnavailableError extends DomainError {
  constructor(message: string) {
    super('EVENT_STORE.UNAVAILABLE', 'unavailable', message);
  }
}
