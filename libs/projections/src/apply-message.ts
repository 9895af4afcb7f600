import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { EventRegistry } from '@ragstream/contracts';
import { decodeCommit, type Commit } from '@ragstream/event-store';
import { contextFromHeaders, runWithContext } from '@ragstream/observability';
import type { MsgHdrs } from 'nats';
import type { Projection, SqlExecutor, TableNames } from './projection';

const tracer = trace.getTracer('@ragstream/projections');

/** What the appliers need of a stored message: a JetStream delivery and a direct get both fit. */
export interface StreamMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers?: MsgHdrs;
}

/** Decodes a stored message into a commit; throws for a message that is not a valid commit (a poison message). */
export function decodeMessage(registry: EventRegistry, message: StreamMessage): Commit {
  return decodeCommit(registry, { seq: message.seq, subject: message.subject, data: message.data, headers: message.headers });
}

/**
 * Decodes one message and applies it. A decode failure throws like an apply failure: both make a
 * poison message.
 */
export async function applyMessage(
  sql: SqlExecutor,
  projection: Projection,
  registry: EventRegistry,
  message: StreamMessage,
  t: TableNames,
  prepared?: unknown,
): Promise<void> {
  await applyCommit(sql, projection, decodeMessage(registry, message), t, prepared);
}

/** Applies one commit, continuing the writer's trace and carrying its correlation id into every log line. */
export async function applyCommit(sql: SqlExecutor, projection: Projection, commit: Commit, t: TableNames, prepared?: unknown): Promise<void> {
  const { envelope } = commit;
  const parent = contextFromHeaders((name) => commit.headers[name]);
  const scope = { correlationId: envelope.correlationId, causationId: envelope.commitId, tenantId: envelope.tenantId };
  const attributes = { 'ragstream.projection': projection.name, 'ragstream.position': commit.position, 'ragstream.tenant': envelope.tenantId };
  await runWithContext(scope, () =>
    tracer.startActiveSpan(`project ${projection.name}`, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
      try {
        await projection.apply(sql, commit, t, prepared);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
        throw error;
      } finally {
        span.end();
      }
    }),
  );
}
