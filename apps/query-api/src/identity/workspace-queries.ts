import { Inject, Injectable } from '@nestjs/common';
import type { getWorkspace, listWorkspaceMembers, listWorkspaces, RouteInput } from '@ragstream/contracts';
import { DomainError } from '@ragstream/domain';
import type { Principal, WorkspaceRoleName } from '@ragstream/auth';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { ReadModelGate } from '../read-models/read-model-gate';
import { People, type SealedPerson } from './people';
import { reportedRole, visibleWorkspaces } from './visibility';

interface WorkspaceRow {
  workspace_id: string;
  tenant_id: string;
  name: string;
  archived: boolean;
  member_role: WorkspaceRoleName | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const notFound = () => new DomainError('WORKSPACE.NOT_FOUND', 'not-found', 'no such workspace');

/** Workspaces and their members, as far as the caller may see them. */
@Injectable()
export class WorkspaceQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly gate: ReadModelGate,
    private readonly people: People,
  ) {}

  async list(principal: Principal, { query }: RouteInput<typeof listWorkspaces>) {
    await this.gate.reach('identity', query.minPosition);
    const { where, params } = visibleWorkspaces(principal);
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const conditions = [where, query.includeArchived === 'true' ? 'true' : 'NOT w.archived'];
    const values = [...params, this.userOf(principal), query.limit + 1];
    if (cursor) {
      values.push(cursor.createdAt, cursor.id);
      conditions.push(`(w.created_at, w.workspace_id) > ($${values.length - 1}::timestamptz, $${values.length})`);
    }
    const rows: WorkspaceRow[] = await this.db.query(
      `SELECT w.*, (SELECT role FROM workspace_members m WHERE m.workspace_id = w.workspace_id AND m.user_id = $${params.length + 1}) AS member_role
       FROM workspaces w WHERE ${conditions.join(' AND ')} ORDER BY w.created_at, w.workspace_id LIMIT $${params.length + 2}`,
      values,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => this.view(principal, r)), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  async get(principal: Principal, { params, query }: RouteInput<typeof getWorkspace>) {
    await this.gate.reach('identity', query.minPosition);
    return this.view(principal, await this.find(principal, params.workspaceId));
  }

  async members(principal: Principal, { params, query }: RouteInput<typeof listWorkspaceMembers>) {
    await this.gate.reach('identity', query.minPosition);
    await this.find(principal, params.workspaceId);
    const rows: (SealedPerson & { role: WorkspaceRoleName; added_at: Date })[] = await this.db.query(
      `SELECT m.user_id, m.role, m.added_at, u.email_sealed, u.name_sealed, u.status
       FROM workspace_members m JOIN users u ON u.user_id = m.user_id AND u.tenant_id = m.tenant_id
       WHERE m.workspace_id = $1 AND m.tenant_id = $2 ORDER BY m.added_at, m.user_id`,
      [params.workspaceId, principal.tenantId],
    );
    const items = await Promise.all(
      rows.map(async (r) => ({ userId: r.user_id, role: r.role, addedAt: r.added_at.toISOString(), ...(await this.people.open(r)) })),
    );
    return { items };
  }

  private async find(principal: Principal, workspaceId: string): Promise<WorkspaceRow> {
    const { where, params } = visibleWorkspaces(principal);
    const rows: WorkspaceRow[] = await this.db.query(
      `SELECT w.*, (SELECT role FROM workspace_members m WHERE m.workspace_id = w.workspace_id AND m.user_id = $${params.length + 1}) AS member_role
       FROM workspaces w WHERE ${where} AND w.workspace_id = $${params.length + 2}`,
      [...params, this.userOf(principal), workspaceId],
    );
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  private userOf(principal: Principal): string {
    return principal.kind === 'user' ? principal.userId : '';
  }

  private view(principal: Principal, r: WorkspaceRow) {
    return {
      workspaceId: r.workspace_id,
      tenantId: r.tenant_id,
      name: r.name,
      archived: r.archived,
      myRole: reportedRole(principal, r.workspace_id, r.member_role),
      version: r.version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  }
}

function encodeCursor(row: WorkspaceRow): string {
  return Buffer.from(JSON.stringify([row.created_at.toISOString(), row.workspace_id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // fall through to the validation error
  }
  throw new DomainError('REQUEST.INVALID_CURSOR', 'validation', 'the cursor is not one this API issued');
}
