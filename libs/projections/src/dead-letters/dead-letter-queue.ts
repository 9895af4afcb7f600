import { ProjectionOperationError } from '../operation-error';
import type { SqlExecutor } from '../projection';
import type { DeadLetter } from './dead-letter';

export type DeadLetterStatus = 'open' | 'resolved' | 'discarded';

/** A row of `dead_letters` as operators see it. */
export interface DeadLetterRecord extends DeadLetter {
  readonly id: number;
  readonly status: DeadLetterStatus;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: string | null;
  readonly resolutionNote: string | null;
}

const COLUMNS = `id, projection, version, generation, position, subject, tenant_id, event_type, error, attempts, status, created_at, resolved_at, resolved_by, resolution_note`;

const toRecord = (row: any): DeadLetterRecord => ({
  id: Number(row.id),
  projection: row.projection,
  version: Number(row.version),
  generation: Number(row.generation),
  position: Number(row.position),
  subject: row.subject,
  tenantId: row.tenant_id,
  eventType: row.event_type,
  error: row.error,
  attempts: Number(row.attempts),
  status: row.status,
  createdAt: new Date(row.created_at),
  resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
  resolvedBy: row.resolved_by,
  resolutionNote: row.resolution_note,
});

export interface DeadLetterFilter {
  readonly projection?: string;
  /** Defaults to open letters. */
  readonly status?: DeadLetterStatus | 'all';
  readonly limit?: number;
}

/** Dead letters, oldest first, filtered by projection and status. */
export async function listDeadLetters(sql: SqlExecutor, filter: DeadLetterFilter = {}): Promise<DeadLetterRecord[]> {
  const status = filter.status ?? 'open';
  const rows = await sql.query(
    `SELECT ${COLUMNS} FROM dead_letters
     WHERE ($1::text IS NULL OR projection = $1) AND ($2::text = 'all' OR status = $2)
     ORDER BY id LIMIT $3`,
    [filter.projection ?? null, status, filter.limit ?? 100],
  );
  return rows.map(toRecord);
}

/** One letter; `lock` holds its row until the transaction ends. Refuses (not-found) an unknown id. */
export async function getDeadLetter(sql: SqlExecutor, id: number, lock = false): Promise<DeadLetterRecord> {
  const rows = await sql.query(`SELECT ${COLUMNS} FROM dead_letters WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (rows.length === 0) throw new ProjectionOperationError('not-found', 'DEAD_LETTER.NOT_FOUND', `no dead letter ${id}`, { id }, 'list them with: dlq list --state all');
  return toRecord(rows[0]);
}

/** Refuses a letter that was already resolved or discarded: a retry must apply an event at most once. */
export function assertOpen(letter: DeadLetterRecord): void {
  if (letter.status === 'open') return;
  throw new ProjectionOperationError(
    'conflict',
    'DEAD_LETTER.NOT_OPEN',
    `dead letter ${letter.id} was ${letter.status} by ${letter.resolvedBy ?? 'unknown'} at ${letter.resolvedAt?.toISOString() ?? 'an unknown time'}`,
    { id: letter.id, status: letter.status },
  );
}

/** Closes a letter; the caller checked it is open, in the same transaction. */
export async function closeDeadLetter(sql: SqlExecutor, id: number, status: Exclude<DeadLetterStatus, 'open'>, by: string, note: string): Promise<void> {
  await sql.query(`UPDATE dead_letters SET status = $2, resolved_at = now(), resolved_by = $3, resolution_note = $4 WHERE id = $1`, [id, status, by, note]);
}

/** Open letters per build: `<projection>` -> `<version>.<generation>` -> count. */
export async function countOpenDeadLetters(sql: SqlExecutor): Promise<Map<string, Map<string, number>>> {
  const rows = await sql.query(`SELECT projection, version, generation, count(*)::int AS n FROM dead_letters WHERE status = 'open' GROUP BY 1, 2, 3`);
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const builds = counts.get(row.projection) ?? new Map<string, number>();
    builds.set(`${row.version}.${row.generation}`, row.n);
    counts.set(row.projection, builds);
  }
  return counts;
}
