import { Inject, Injectable } from '@nestjs/common';
import type { getMe, listApiKeys, listMyTenants, RouteInput } from '@ragstream/contracts';
import type { Principal } from '@ragstream/auth';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { ReadModelGate } from '../read-models/read-model-gate';
import { People, type SealedPerson } from './people';

type TenantRole = 'owner' | 'admin' | 'member';

/** The caller, their tenants, and the tenant's API keys (never a secret). */
@Injectable()
export class AccessQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly gate: ReadModelGate,
    private readonly people: People,
  ) {}

  async me(principal: Principal, { query }: RouteInput<typeof getMe>) {
    await this.gate.reach('identity', query.minPosition);
    if (principal.kind === 'apikey') {
      return { kind: 'apikey' as const, tenantId: principal.tenantId, userId: null, keyId: principal.keyId, email: null, name: null, tenantRole: null, scopes: [...principal.scopes], workspaceId: principal.workspaceId };
    }
    const rows: SealedPerson[] = await this.db.query(`SELECT user_id, email_sealed, name_sealed, status FROM users WHERE user_id = $1 AND tenant_id = $2`, [principal.userId, principal.tenantId]);
    const person = rows[0] ? await this.people.open(rows[0]) : { email: null, name: null };
    return {
      kind: 'user' as const,
      tenantId: principal.tenantId,
      userId: principal.userId,
      keyId: null,
      email: person.email,
      name: person.name,
      tenantRole: await this.tenantRole(principal.tenantId, principal.userId),
      scopes: ['read', 'write', 'admin'] as const,
      workspaceId: null,
    };
  }

  async tenants(principal: Principal, { query }: RouteInput<typeof listMyTenants>) {
    await this.gate.reach('identity', query.minPosition);
    const rows: { tenant_id: string; name: string }[] = await this.db.query(`SELECT tenant_id, name FROM tenants WHERE tenant_id = $1`, [principal.tenantId]);
    const role = principal.kind === 'user' ? await this.tenantRole(principal.tenantId, principal.userId) : null;
    return { items: rows.map((r) => ({ tenantId: r.tenant_id, name: r.name, role })) };
  }

  async apiKeys(principal: Principal, { query }: RouteInput<typeof listApiKeys>) {
    await this.gate.reach('identity', query.minPosition);
    const params: unknown[] = [principal.tenantId];
    let filter = '';
    if (principal.kind === 'apikey' && principal.workspaceId) {
      params.push(principal.workspaceId);
      filter = 'AND k.workspace_id = $2';
    } else if (principal.kind === 'user' && principal.tenantRole !== 'owner' && principal.tenantRole !== 'admin') {
      params.push(principal.userId);
      filter = 'AND k.created_by = $2';
    }
    const rows = await this.db.query(
      `SELECT k.key_id, k.name, k.prefix, k.scopes, k.workspace_id, k.expires_at, k.created_by, k.created_at, k.revoked_at, u.last_used_at
       FROM api_keys k LEFT JOIN api_key_usage u ON u.key_id = k.key_id WHERE k.tenant_id = $1 ${filter} ORDER BY k.created_at, k.key_id`,
      params,
    );
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      items: rows.map((r: any) => ({
        keyId: r.key_id,
        name: r.name,
        prefix: r.prefix,
        scopes: r.scopes,
        workspaceId: r.workspace_id,
        expiresAt: iso(r.expires_at),
        createdBy: r.created_by,
        createdAt: r.created_at.toISOString(),
        revokedAt: iso(r.revoked_at),
        lastUsedAt: iso(r.last_used_at),
      })),
    };
  }

  private async tenantRole(tenantId: string, userId: string): Promise<TenantRole> {
    const rows: { role: TenantRole }[] = await this.db.query(`SELECT role FROM tenant_members WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]);
    return rows[0]?.role ?? 'member';
  }
}
