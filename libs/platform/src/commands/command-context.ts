import { randomUUID } from 'node:crypto';
import type { Actor } from '@ragstream/contracts';
import type { CommandMetadata } from '@ragstream/domain';
import { uuidFrom, type CommitContext } from '@ragstream/event-store';
import { correlationId } from '@ragstream/observability';
import { RequestValidationError } from '../http/validation.error';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Ids and commit contexts for one command request. With an Idempotency-Key every id and commit id
 * is derived from it (scoped to tenant, actor and operation), so a retry addresses the same
 * aggregates with the same commit ids and gets the first result back; without one they are random.
 */
export class CommandContext {
  readonly now = new Date();
  readonly correlationId = correlationId();
  private readonly base: string;

  constructor(
    readonly tenantId: string,
    readonly actor: Actor,
    operation: string,
    readonly idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new RequestValidationError([{ path: 'headers.idempotency-key', message: 'must be 8-128 characters of [A-Za-z0-9._:-]' }]);
    }
    this.base = idempotencyKey ? `${tenantId}\u0000${actor.type}:${actor.id}\u0000${operation}\u0000${idempotencyKey}` : randomUUID();
  }

  get idempotent(): boolean {
    return this.idempotencyKey !== undefined;
  }

  /** A stable uuid for a named thing this command creates (the tenant, the user, ...). */
  id(name: string): string {
    return uuidFrom(`${this.base}\u0000id:${name}`);
  }

  /** The commit context of one step (one aggregate) of this command. */
  commit(step = 'main'): CommitContext {
    return { commitId: uuidFrom(`${this.base}\u0000commit:${step}`), actor: this.actor, correlationId: this.correlationId, occurredAt: this.now };
  }

  metadata(tenantId = this.tenantId): CommandMetadata {
    return { tenantId, actor: this.actor, now: this.now };
  }
}

export { uuidFrom };
