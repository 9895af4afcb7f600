import type { ApiKeyEvent, SessionEvent } from '@ragstream/contracts';
import type { SqlExecutor, TableNames } from '@ragstream/projections';
import type { IdentityTable } from './identity.tables';
import type { Written } from './identity.projection';

/** Rows authentication reads: API keys (hash and prefix, never the secret) and session status. */
export async function applyAccessEvent(sql: SqlExecutor, t: TableNames<IdentityTable>, event: { type: string; data: unknown }, w: Written): Promise<void> {
  const e = event as ApiKeyEvent | SessionEvent | { type: 'other' };
  const id = w.aggregateId;
  switch (e.type) {
    case 'apikey.created': {
      const d = e.data;
      await sql.query(
        `INSERT INTO ${t('api_keys')} VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,NULL,$11) ON CONFLICT (key_id) DO NOTHING`,
        [id, w.tenantId, d.name, d.prefix, d.secretHash, d.scopes, d.workspaceId, d.expiresAt, d.createdBy, w.at, w.position],
      );
      return;
    }
    case 'apikey.revoked':
      await sql.query(`UPDATE ${t('api_keys')} SET revoked_at = $2, position = $3 WHERE key_id = $1 AND position <= $3`, [id, w.at, w.position]);
      return;
    case 'session.started':
      await sql.query(
        `INSERT INTO ${t('sessions')} VALUES ($1,$2,$3,'active',$4,$5,$5,$6) ON CONFLICT (session_id) DO NOTHING`,
        [id, w.tenantId, e.data.userId, e.data.expiresAt, w.at, w.position],
      );
      return;
    case 'session.refreshed':
      await sql.query(`UPDATE ${t('sessions')} SET expires_at = $2, updated_at = $3, position = $4 WHERE session_id = $1 AND position <= $4`, [
        id,
        e.data.expiresAt,
        w.at,
        w.position,
      ]);
      return;
    case 'session.revoked':
      await sql.query(`UPDATE ${t('sessions')} SET status = 'revoked', updated_at = $2, position = $3 WHERE session_id = $1 AND position <= $3`, [id, w.at, w.position]);
      return;
    default:
      return;
  }
}
