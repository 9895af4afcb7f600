import { z } from 'zod';
import { Actor, SubjectToken } from '../envelope';
import { Paged } from './common.http';
import { defineRoute } from './route-contract';

/** A moment in the log: a stream position (digits) or an ISO 8601 time. */
export const MomentParam = z.union([z.string().regex(/^\d{1,15}$/), z.iso.datetime({ offset: true })]);

export const AuditEventsQuery = z.object({
  aggregateType: SubjectToken.optional(),
  aggregateId: SubjectToken.optional(),
  workspaceId: z.uuid().optional().describe('the workspace and every aggregate whose events name it'),
  actorId: z.string().min(1).max(128).optional(),
  actorType: z.enum(['user', 'apikey', 'system']).optional(),
  eventType: z.string().max(2000).optional().describe('comma-separated event types or families (`document.*`)'),
  fromPosition: z.coerce.number().int().positive().optional(),
  toPosition: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('occurred at or after (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('occurred at or before (inclusive)'),
  cursor: z.string().regex(/^\d{1,15}$/).optional().describe('the nextCursor of the previous page: a position'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const AuditEventView = z.object({
  position: z.number().int(),
  tenantId: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  aggregateVersion: z.number().int().describe('the aggregate version after this event'),
  commitVersion: z.number().int(),
  eventIndex: z.number().int(),
  type: z.string(),
  data: z.unknown().describe('the event data, upcast to the latest schema version; personal data stays sealed'),
  occurredAt: z.string(),
  actor: Actor,
  commitId: z.string(),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});

export const listAuditEvents = defineRoute({
  method: 'get',
  path: '/v1/audit/events',
  summary: 'Events of the caller’s tenant from the log, filtered; pages of JSON, or one NDJSON stream with Accept: application/x-ndjson',
  tags: ['audit'],
  auth: { scope: 'admin' },
  query: AuditEventsQuery,
  response: Paged(AuditEventView),
  status: 200,
});

export const StateChangeView = z.object({ path: z.string(), kind: z.enum(['added', 'removed', 'changed']), before: z.unknown().optional(), after: z.unknown().optional() });
const StateMoment = z.object({ version: z.number().int(), position: z.number().int(), occurredAt: z.string().nullable() });

export const getAggregateStateAt = defineRoute({
  method: 'get',
  path: '/v1/audit/aggregates/{aggregateType}/{aggregateId}/state',
  summary: 'An aggregate’s state at a moment (its commits folded), and optionally what changed since an earlier moment',
  tags: ['audit'],
  auth: { scope: 'admin' },
  params: z.object({ aggregateType: SubjectToken, aggregateId: SubjectToken }),
  query: z.object({ at: MomentParam.optional().describe('default: now'), diffFrom: MomentParam.optional() }),
  response: StateMoment.extend({
    tenantId: z.string(),
    aggregateType: z.string(),
    aggregateId: z.string(),
    state: z.unknown(),
    diff: z.object({ from: StateMoment, changes: z.array(StateChangeView) }).nullable(),
  }),
  status: 200,
});

export const verifyAuditLog = defineRoute({
  method: 'get',
  path: '/v1/audit/verify',
  summary: 'Check the integrity chain of the caller’s tenant: hashes, links, dense versions, checkpoints',
  tags: ['audit'],
  auth: { scope: 'admin' },
  response: z.object({
    ok: z.boolean(),
    tenantId: z.string().nullable(),
    upToPosition: z.number().int(),
    commits: z.number().int(),
    aggregates: z.number().int(),
    legacyCommits: z.number().int(),
    checkpointsVerified: z.number().int(),
    broken: z
      .object({ position: z.number().int(), subject: z.string(), kind: z.string(), message: z.string(), expected: z.unknown().optional(), found: z.unknown().optional() })
      .nullable(),
  }),
  status: 200,
});
