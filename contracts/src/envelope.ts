import { z } from 'zod';

/** Who caused a commit: a signed-in user, an API key, or the platform itself. */
export const Actor = z.object({
  type: z.enum(['user', 'apikey', 'system']),
  id: z.string().min(1),
});
export type Actor = z.infer<typeof Actor>;

/** One event as stored: its type, the schema version of `data`, and the data. */
export const StoredEvent = z.object({
  type: z.string().min(1),
  version: z.number().int().positive(),
  data: z.unknown(),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

/** Lower-case hex SHA-256 of a commit's canonical content; see libs/event-store integrity. */
export const ChainHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters');

/**
 * The body of one JetStream message: one atomic commit of 1..n events of one aggregate.
 * `prevHash` and `hash` chain the commits of one aggregate; commits written before the chain
 * existed lack both and still load (verification reports them as legacy).
 */
export const CommitEnvelope = z.object({
  commitId: z.string().min(1),
  tenantId: z.string().min(1),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  expectedVersion: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  occurredAt: z.string(),
  actor: Actor,
  correlationId: z.string().min(1),
  causationId: z.string().nullable(),
  events: z.array(StoredEvent).min(1),
  prevHash: ChainHash.optional(),
  hash: ChainHash.optional(),
});
export type CommitEnvelope = z.infer<typeof CommitEnvelope>;

/** Subject-safe token: tenant ids, aggregate types and ids travel in NATS subjects. */
export const SubjectToken = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be 1-128 of [A-Za-z0-9_-]');

/** The tenant id used for platform-wide aggregates such as e-mail reservations. */
export const SYSTEM_TENANT = 'system';
