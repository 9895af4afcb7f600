import type { SqlExecutor, TableNames } from '@ragstream/projections';

export const identityTables = ['tenants', 'tenant_members', 'users', 'workspaces', 'workspace_members', 'api_keys', 'sessions'] as const;
export type IdentityTable = (typeof identityTables)[number];

/** DDL of one version of the identity read model. Every row carries its tenant and the position that last wrote it. */
export async function createIdentityTables(sql: SqlExecutor, t: TableNames<IdentityTable>): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS ${t('tenants')} (
      tenant_id text PRIMARY KEY, name text NOT NULL, owner_user_id text NOT NULL,
      created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, version integer NOT NULL, position bigint NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t('tenant_members')} (
      tenant_id text NOT NULL, user_id text NOT NULL, role text NOT NULL, added_at timestamptz NOT NULL, position bigint NOT NULL,
      PRIMARY KEY (tenant_id, user_id));
    CREATE TABLE IF NOT EXISTS ${t('users')} (
      user_id text PRIMARY KEY, tenant_id text NOT NULL, email_hash text,
      email_sealed text, name_sealed text, status text NOT NULL,
      created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, version integer NOT NULL, position bigint NOT NULL);
    -- Tables created before users could be forgotten (status 'erased', personal columns NULL).
    ALTER TABLE ${t('users')} ALTER COLUMN email_hash DROP NOT NULL, ALTER COLUMN email_sealed DROP NOT NULL, ALTER COLUMN name_sealed DROP NOT NULL;
    CREATE INDEX IF NOT EXISTS ${t('users')}_tenant ON ${t('users')} (tenant_id);
    CREATE TABLE IF NOT EXISTS ${t('workspaces')} (
      workspace_id text PRIMARY KEY, tenant_id text NOT NULL, name text NOT NULL, archived boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, version integer NOT NULL, position bigint NOT NULL);
    CREATE INDEX IF NOT EXISTS ${t('workspaces')}_tenant ON ${t('workspaces')} (tenant_id, created_at);
    CREATE TABLE IF NOT EXISTS ${t('workspace_members')} (
      workspace_id text NOT NULL, tenant_id text NOT NULL, user_id text NOT NULL, role text NOT NULL,
      added_at timestamptz NOT NULL, position bigint NOT NULL, PRIMARY KEY (workspace_id, user_id));
    CREATE INDEX IF NOT EXISTS ${t('workspace_members')}_user ON ${t('workspace_members')} (tenant_id, user_id);
    CREATE TABLE IF NOT EXISTS ${t('api_keys')} (
      key_id text PRIMARY KEY, tenant_id text NOT NULL, name text NOT NULL, prefix text NOT NULL UNIQUE, secret_hash text NOT NULL,
      scopes text[] NOT NULL, workspace_id text, expires_at timestamptz, created_by text NOT NULL,
      created_at timestamptz NOT NULL, revoked_at timestamptz, position bigint NOT NULL);
    CREATE INDEX IF NOT EXISTS ${t('api_keys')}_tenant ON ${t('api_keys')} (tenant_id, created_at);
    CREATE TABLE IF NOT EXISTS ${t('sessions')} (
      session_id text PRIMARY KEY, tenant_id text NOT NULL, user_id text NOT NULL, status text NOT NULL,
      expires_at timestamptz NOT NULL, started_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, position bigint NOT NULL);
  `);
}
