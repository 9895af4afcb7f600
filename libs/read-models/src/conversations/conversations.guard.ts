import type { SqlExecutor } from '@ragstream/projections';

/** The stream context of one commit: every guarded statement takes these as $1 tenant, $2 conversation, $3 position. */
export interface Written {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly position: number;
  readonly version: number;
  readonly at: string;
}

/**
 * True while conversation row `c` has not seen this commit. Every write of a commit checks it and
 * the commit's last write stamps the position, so a redelivered commit changes nothing, counters
 * included (a commit's events may not stamp one by one: a rejection is two events in one commit).
 */
export const unapplied = (alias = 'c') => `${alias}.tenant_id = $1 AND ${alias}.conversation_id = $2 AND ${alias}.position < $3::bigint`;

/** Runs a guarded statement: `$1`-`$3` are the commit's, `rest` follows from `$4`. */
export function guarded(sql: SqlExecutor, w: Written, text: string, ...rest: unknown[]): Promise<unknown> {
  return sql.query(text, [w.tenantId, w.conversationId, w.position, ...rest]);
}
