import { assertToken, type Subjects } from '@ragstream/event-store';

/** Which commits and events an audit read selects; every field narrows, none set selects everything. */
export interface AuditFilter {
  readonly tenantId?: string;
  readonly aggregateType?: string;
  readonly aggregateId?: string;
  /** The workspace itself and every aggregate whose events name it (`workspaceId`, `toWorkspaceId`, ...). */
  readonly workspaceId?: string;
  readonly actorId?: string;
  readonly actorType?: 'user' | 'apikey' | 'system';
  /** Exact event types or `family.*`; an event matches any of them. */
  readonly eventTypes?: readonly string[];
  /** Stream positions, both inclusive. */
  readonly fromPosition?: number;
  readonly toPosition?: number;
  /** Compared with the commit's `occurredAt`, both inclusive. */
  readonly fromTime?: Date;
  readonly toTime?: Date;
}

/**
 * How far store time may run ahead of a commit's `occurredAt` (clock skew between command-api and
 * NATS, and the time the command took): time ranges read this much wider and then filter exactly.
 */
export const CLOCK_SLACK_MS = 60_000;

/** The one subject filter the server applies: tenant, type and id, wildcards for the rest. */
export function filterSubject(subjects: Subjects, filter: AuditFilter): string {
  const tokens = [filter.tenantId, filter.aggregateType, filter.aggregateId].map((token) => {
    if (token === undefined) return '*';
    assertToken(token);
    return token;
  });
  return `${subjects.prefix}.${tokens.join('.')}`;
}

/** Where the server-side read starts: a position, or a time made earlier by the clock slack. */
export function scanStart(filter: AuditFilter): { fromPosition?: number; fromTime?: Date } {
  if (filter.fromPosition !== undefined) return { fromPosition: filter.fromPosition };
  if (filter.fromTime) return { fromTime: new Date(filter.fromTime.getTime() - CLOCK_SLACK_MS) };
  return {};
}
