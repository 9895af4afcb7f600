import { randomUUID } from 'node:crypto';
import type { Decider } from '@ragstream/domain';
import { CommandExecutor, type JetStreamEventStore } from '@ragstream/event-store';

/** What the test wrote, to compare an audit read with. */
export interface Written {
  readonly position: number;
  readonly tenantId: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly actorId: string;
  readonly eventTypes: readonly string[];
  readonly occurredAt: Date;
}

/** Runs commands through a real executor and remembers every commit it made. */
export class LogWriter {
  readonly written: Written[] = [];
  private readonly executor: CommandExecutor;

  constructor(store: JetStreamEventStore) {
    this.executor = new CommandExecutor(store);
  }

  async run(decider: Decider<any, any, any>, tenantId: string, aggregateId: string, type: string, data: object, by: { actorId: string; at?: Date; actorType?: 'user' | 'system' }) {
    const actor = { type: by.actorType ?? ('user' as const), id: by.actorId };
    const occurredAt = by.at ?? new Date();
    const context = { commitId: randomUUID(), actor, correlationId: randomUUID(), occurredAt };
    const result = await this.executor.execute(decider, { type, data, metadata: { tenantId, actor, now: occurredAt } }, { tenantId, aggregateId, context });
    this.written.push({ position: result.position, tenantId, aggregateType: decider.aggregateType, aggregateId, actorId: actor.id, eventTypes: result.events.map((e) => e.type), occurredAt });
    return result;
  }

  /** `[position, event type]` of every written event a predicate keeps, in log order. */
  expected(keep: (w: Written, eventType: string) => boolean): [number, string][] {
    return this.written.flatMap((w) => w.eventTypes.filter((t) => keep(w, t)).map((t): [number, string] => [w.position, t]));
  }
}
