import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What follows a unit of work (an HTTP request, a projected batch) through every log line. */
export interface RequestContext {
  correlationId: string;
  causationId?: string | null;
  tenantId?: string;
  actorId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `context` visible to logs and to the event store. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The correlation id of the current unit of work, or a fresh one outside any. */
export function correlationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}
