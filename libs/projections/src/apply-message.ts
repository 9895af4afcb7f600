import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { EventRegistry } from '@ragstream/contracts';
import { decodeCommit } from '@ragstream/event-store';
import { contextFromHeaders, runWithContext } from '@ragstream/observability';
import type { JsMsg } from 'nats';
import type { Projection, SqlExecutor, TableNames } from './projection';

const tracer = trace.getTracer('@ragstream/projections');

/**
 * Decodes one message and applies it, continuing the writer's trace and carrying its correlation
 * id into every log line. A decode failure throws like an apply failure: both make a poison message.
 */
export async function applyMessage(
  sql: SqlExecutor,
  projection: Projection,
  registry: EventRegistry,
  message: JsMsg,
  t: TableNames,
  prepared?: unknown,
): Promise<void> {
  const commit = decodeCommit(registry, { seq: message.seq, subject: message.subject, data: message.data, headers: message.headers });
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
