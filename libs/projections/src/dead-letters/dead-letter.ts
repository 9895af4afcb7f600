import type { SqlExecutor } from '../projection';

export interface DeadLetter {
  readonly projection: string;
  readonly version: number;
  readonly generation: number;
  readonly position: number;
  readonly subject: string;
  readonly tenantId: string | null;
  readonly eventType: string | null;
  readonly error: string;
  readonly attempts: number;
}

const decoder = new TextDecoder();

/**
 * Tenant and first event type of a message that may not decode: read leniently from the raw JSON,
 * the tenant falling back to the subject (`<prefix>.<tenant>.<aggregateType>.<aggregateId>`).
 */
export function describeRawCommit(subject: string, data: Uint8Array): { tenantId: string | null; eventType: string | null } {
  let body: { tenantId?: unknown; events?: { type?: unknown }[] } | undefined;
  try {
    body = JSON.parse(decoder.decode(data));
  } catch {
    body = undefined;
  }
  const tokens = subject.split('.');
  const fromSubject = tokens.length >= 4 ? tokens[tokens.length - 3] : null;
  const tenantId = typeof body?.tenantId === 'string' ? body.tenantId : fromSubject;
  const first = Array.isArray(body?.events) ? body.events[0] : undefined;
  return { tenantId, eventType: typeof first?.type === 'string' ? first.type : null };
}

/** Records a message one build gave up on; a retried position (after an operator reset) reopens its row. */
export async function recordDeadLetter(sql: SqlExecutor, letter: DeadLetter): Promise<void> {
  await sql.query(
    `INSERT INTO dead_letters (projection, version, generation, position, subject, tenant_id, event_type, error, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (projection, version, generation, position) DO UPDATE
       SET error = excluded.error, attempts = excluded.attempts, status = 'open', resolved_at = NULL, resolved_by = NULL, resolution_note = NULL`,
    [letter.projection, letter.version, letter.generation, letter.position, letter.subject, letter.tenantId, letter.eventType, letter.error, letter.attempts],
  );
}
