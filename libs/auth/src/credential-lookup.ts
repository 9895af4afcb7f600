import { Inject, Injectable, Optional } from '@nestjs/common';
import { CHECKPOINTS, DATA_SOURCE } from '@ragstream/platform';
import type { CheckpointWatcher } from '@ragstream/projections';
import type { DataSource } from 'typeorm';

// Every authenticated request checks its session; a short reuse of an active answer spares a query.
const ACTIVE_SESSION_REUSE_MS = 1000;
const ACTIVE_SESSION_LIMIT = 10_000;

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
  private readonly activeSessions = new Map<string, { readAt: number; position: number }>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Optional() @Inject(CHECKPOINTS) private readonly checkpoints: CheckpointWatcher | null,
  ) {}

  async apiKeyByPrefix(prefix: string): Promise<ApiKeyRecord | undefined> {
    const rows: ApiKeyRecord[] = await this.dataSource.query(
      `SELECT key_id, tenant_id, secret_hash, scopes, workspace_id, expires_at, revoked_at, created_by FROM api_keys WHERE prefix = $1`,
      [prefix],
    );
    return rows[0];
  }

  /**
   * True while the session has not been revoked (logout, reuse detection). An active answer is
   * reused for a second, and only for requests whose minimum position the identity read model had
   * reached before it was read: a client that reads its own logout is always refused.
   */
  async sessionActive(sessionId: string, tenantId: string, minPosition = 0): Promise<boolean> {
    const key = `${tenantId}/${sessionId}`;
    const now = Date.now();
    const known = this.activeSessions.get(key);
    if (known && known.position >= minPosition && now - known.readAt < ACTIVE_SESSION_REUSE_MS) return true;
    // Read before the query: the rows it returns are at least this fresh.
    const position = this.checkpoints?.position('identity') ?? 0;
    const rows: { status: string }[] = await this.dataSource.query(
      `SELECT status FROM sessions WHERE session_id = $1 AND tenant_id = $2`,
      [sessionId, tenantId],
    );
    // A session the projection has not seen yet was started a moment ago: the signed token vouches for it.
    const active = rows.length === 0 || rows[0].status === 'active';
    this.activeSessions.delete(key);
    if (active) this.activeSessions.set(key, { readAt: now, position });
    if (this.activeSessions.size > ACTIVE_SESSION_LIMIT) this.activeSessions.delete(this.activeSessions.keys().next().value as string);
    return active;
  }
}
