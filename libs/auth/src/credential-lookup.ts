import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';

export interface ApiKeyRecord {
  key_id: string;
  tenant_id: string;
  secret_hash: string;
  scopes: string[];
  workspace_id: string | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  created_by: string;
}

/** Reads what authentication needs from the identity read model (views `api_keys`, `sessions`). */
@Injectable()
export class CredentialLookup {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async apiKeyByPrefix(prefix: string): Promise<ApiKeyRecord | undefined> {
    const rows: ApiKeyRecord[] = await this.dataSource.query(
      `SELECT key_id, tenant_id, secret_hash, scopes, workspace_id, expires_at, revoked_at, created_by FROM api_keys WHERE prefix = $1`,
      [prefix],
    );
    return rows[0];
  }

  /** True while the session has not been revoked (logout, reuse detection). */
  async sessionActive(sessionId: string, tenantId: string): Promise<boolean> {
    const rows: { status: string }[] = await this.dataSource.query(
      `SELECT status FROM sessions WHERE session_id = $1 AND tenant_id = $2`,
      [sessionId, tenantId],
    );
    // A session the projection has not seen yet was started a moment ago: the signed token vouches for it.
    return rows.length === 0 || rows[0].status === 'active';
  }
}
