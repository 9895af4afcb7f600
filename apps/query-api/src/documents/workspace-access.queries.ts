import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import { DomainError } from '@ragstream/domain';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { visibleWorkspaces } from '../identity/visibility';

export const workspaceNotFound = () => new DomainError('WORKSPACE.NOT_FOUND', 'not-found', 'no such workspace');

/**
 * The workspaces whose documents the caller may read: the same rule the workspace lists follow (every
 * workspace role, reader included, may read). Anything else is reported as absent, never as forbidden.
 */
@Injectable()
export class WorkspaceAccess {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** Every readable workspace of the caller's tenant, or exactly `requested` (404 when one of them is not readable). */
  async readable(principal: Principal, requested?: readonly string[]): Promise<string[]> {
    const { where, params } = visibleWorkspaces(principal);
    const narrow = requested ? ` AND w.workspace_id = ANY($${params.length + 1}::text[])` : '';
    const rows: { workspace_id: string }[] = await this.db.query(
      `SELECT w.workspace_id FROM workspaces w WHERE ${where}${narrow} ORDER BY w.workspace_id`,
      requested ? [...params, [...new Set(requested)]] : params,
    );
    if (requested && rows.length < new Set(requested).size) throw workspaceNotFound();
    return rows.map((r) => r.workspace_id);
  }

  async canRead(principal: Principal, workspaceId: string): Promise<boolean> {
    const { where, params } = visibleWorkspaces(principal);
    const rows = await this.db.query(`SELECT 1 FROM workspaces w WHERE ${where} AND w.workspace_id = $${params.length + 1}`, [...params, workspaceId]);
    return rows.length > 0;
  }
}
