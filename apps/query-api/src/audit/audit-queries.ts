import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { diffStates, readAuditPage, replayEvents, stateAt, verifyLog, type AuditEvent, type AuditFilter } from '@ragstream/audit';
import type { Principal } from '@ragstream/auth';
import type { RouteInput, getAggregateStateAt, listAuditEvents } from '@ragstream/contracts';
import type { JetStreamEventStore } from '@ragstream/event-store';
import { EVENT_STORE } from '@ragstream/platform';
import { momentOf, requireTenantAuditor } from './audit-access';

/** The subject carries the deployment's prefix, an internal detail; everything else is the audit view. */
const view = ({ subject: _subject, ...event }: AuditEvent) => event;

/** Audits of the caller's own tenant, read from the log in JetStream (not from read models). */
@Injectable()
export class AuditQueries {
  constructor(@Inject(EVENT_STORE) private readonly store: JetStreamEventStore) {}

  async events(principal: Principal, { query }: RouteInput<typeof listAuditEvents>) {
    requireTenantAuditor(principal);
    const page = await readAuditPage(this.store, this.filterOf(principal, query), { after: query.cursor ? Number(query.cursor) : undefined, limit: query.limit });
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  /** Every matching event as one NDJSON stream; closing the connection stops the read. */
  eventStream(principal: Principal, { query }: RouteInput<typeof listAuditEvents>): Readable {
    requireTenantAuditor(principal);
    const events = replayEvents(this.store, this.filterOf(principal, query));
    return Readable.from((async function* () {
      for await (const event of events) yield `${JSON.stringify(view(event))}\n`;
    })());
  }

  async state(principal: Principal, { params, query }: RouteInput<typeof getAggregateStateAt>) {
    requireTenantAuditor(principal);
    const address = { tenantId: principal.tenantId, aggregateType: params.aggregateType, aggregateId: params.aggregateId };
    const to = await stateAt(this.store, address, momentOf(query.at));
    if (query.diffFrom === undefined) return { ...to, diff: null };
    const from = await stateAt(this.store, address, momentOf(query.diffFrom));
    return { ...to, diff: { from: { version: from.version, position: from.position, occurredAt: from.occurredAt }, changes: diffStates(from.state, to.state) } };
  }

  async verify(principal: Principal) {
    requireTenantAuditor(principal);
    return verifyLog(this.store, { tenantId: principal.tenantId });
  }

  /** The caller's tenant is always the tenant filter: another tenant's events are never read. */
  private filterOf(principal: Principal, query: RouteInput<typeof listAuditEvents>['query']): AuditFilter {
    return {
      tenantId: principal.tenantId,
      aggregateType: query.aggregateType,
      aggregateId: query.aggregateId,
      workspaceId: query.workspaceId,
      actorId: query.actorId,
      actorType: query.actorType,
      eventTypes: query.eventType?.split(',').map((t) => t.trim()).filter(Boolean),
      fromPosition: query.fromPosition,
      toPosition: query.toPosition,
      fromTime: query.from ? new Date(query.from) : undefined,
      toTime: query.to ? new Date(query.to) : undefined,
    };
  }
}
