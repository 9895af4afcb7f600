import type { TenantEvent, UserEvent, WorkspaceEvent } from '@ragstream/contracts';
import type { SqlExecutor, TableNames } from '@ragstream/projections';
import type { IdentityTable } from './identity.tables';
import type { Written } from './identity.projection';

type Event = TenantEvent | UserEvent | WorkspaceEvent;

/** Rows of tenants, users, workspaces and memberships. Returns false for events it does not project. */
export async function applyTenancyEvent(sql: SqlExecutor, t: TableNames<IdentityTable>, event: { type: string; data: unknown }, w: Written): Promise<boolean> {
  const e = event as Event;
  const id = w.aggregateId;
  switch (e.type) {
    case 'tenant.created':
      await sql.query(
        `INSERT INTO ${t('tenants')} VALUES ($1,$2,$3,$4,$4,$5,$6) ON CONFLICT (tenant_id) DO NOTHING`,
        [id, e.data.name, e.data.ownerUserId, w.at, w.version, w.position],
      );
      await upsertMember(sql, t('tenant_members'), ['tenant_id', 'user_id'], [id, e.data.ownerUserId], 'owner', w);
      return true;
    case 'tenant.renamed':
      await touch(sql, t('tenants'), 'tenant_id', id, w, `name = $5`, [e.data.name]);
      return true;
    case 'tenant.member_added':
      await upsertMember(sql, t('tenant_members'), ['tenant_id', 'user_id'], [id, e.data.userId], e.data.role, w);
      return true;
    case 'tenant.member_removed':
      await sql.query(`DELETE FROM ${t('tenant_members')} WHERE tenant_id = $1 AND user_id = $2`, [id, e.data.userId]);
      return true;
    case 'user.registered':
    case 'user.invited': {
      const status = e.type === 'user.registered' ? 'active' : 'invited';
      await sql.query(
        `INSERT INTO ${t('users')} VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8,$9) ON CONFLICT (user_id) DO NOTHING`,
        [id, w.tenantId, e.data.emailHash, e.data.email, e.data.name, status, w.at, w.version, w.position],
      );
      return true;
    }
    case 'user.invitation_accepted':
      await touch(sql, t('users'), 'user_id', id, w, `status = 'active'`, []);
      return true;
    case 'user.password_changed':
      await touch(sql, t('users'), 'user_id', id, w, '', []);
      return true;
    case 'user.profile_updated':
      await touch(sql, t('users'), 'user_id', id, w, `name_sealed = $5`, [e.data.name]);
      return true;
    case 'user.forgotten':
      // The sealed values are unreadable once the key is gone; dropping them keeps the row honest.
      await touch(sql, t('users'), 'user_id', id, w, `status = 'erased', email_hash = NULL, email_sealed = NULL, name_sealed = NULL`, []);
      return true;
    case 'workspace.created':
      await sql.query(
        `INSERT INTO ${t('workspaces')} VALUES ($1,$2,$3,false,$4,$4,$5,$6) ON CONFLICT (workspace_id) DO NOTHING`,
        [id, w.tenantId, e.data.name, w.at, w.version, w.position],
      );
      await upsertMember(sql, t('workspace_members'), ['workspace_id', 'tenant_id', 'user_id'], [id, w.tenantId, e.data.ownerUserId], 'owner', w);
      return true;
    case 'workspace.renamed':
      await touch(sql, t('workspaces'), 'workspace_id', id, w, `name = $5`, [e.data.name]);
      return true;
    case 'workspace.archived':
      await touch(sql, t('workspaces'), 'workspace_id', id, w, `archived = true`, []);
      return true;
    case 'workspace.member_added':
    case 'workspace.member_role_changed':
      await upsertMember(sql, t('workspace_members'), ['workspace_id', 'tenant_id', 'user_id'], [id, w.tenantId, e.data.userId], e.data.role, w);
      await touch(sql, t('workspaces'), 'workspace_id', id, w, '', []);
      return true;
    case 'workspace.member_removed':
      await sql.query(`DELETE FROM ${t('workspace_members')} WHERE workspace_id = $1 AND user_id = $2`, [id, e.data.userId]);
      await touch(sql, t('workspaces'), 'workspace_id', id, w, '', []);
      return true;
    default:
      return false;
  }
}

/**
 * Updates a row unless a later commit already wrote it. `<=` rather than `<` because several
 * events of one commit share its position; every SET here is idempotent, so a replay changes nothing.
 */
async function touch(sql: SqlExecutor, table: string, key: string, id: string, w: Written, set: string, extra: unknown[]) {
  await sql.query(
    `UPDATE ${table} SET ${set ? `${set}, ` : ''}updated_at = $2, version = $3, position = $4 WHERE ${key} = $1 AND position <= $4`,
    [id, w.at, w.version, w.position, ...extra],
  );
}

async function upsertMember(sql: SqlExecutor, table: string, keys: string[], values: string[], role: string, w: Written) {
  const n = keys.length;
  const placeholders = values.map((_, i) => `$${i + 1}`).join(',');
  const conflict = keys.filter((k) => k !== 'tenant_id' || table.endsWith('tenant_members')).join(',');
  await sql.query(
    `INSERT INTO ${table} (${keys.join(',')}, role, added_at, position) VALUES (${placeholders}, $${n + 1}, $${n + 2}, $${n + 3})
     ON CONFLICT (${conflict}) DO UPDATE SET role = EXCLUDED.role, position = EXCLUDED.position WHERE ${table}.position <= EXCLUDED.position`,
    [...values, role, w.at, w.position],
  );
}
