import { Inject, Injectable } from '@nestjs/common';
import { visibleWorkspaces, type Principal } from '@ragstream/auth';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';

/** Every workspace the caller may read, as an OpenAI model named `workspace:<id>`. */
@Injectable()
export class ModelsQueries {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async list(principal: Principal) {
    const { where, params } = visibleWorkspaces(principal);
    const rows: { workspace_id: string; name: string; created_at: Date }[] = await this.db.query(
      `SELECT w.workspace_id, w.name, w.created_at FROM workspaces w WHERE ${where} AND NOT w.archived ORDER BY w.created_at, w.workspace_id`,
      params,
    );
    const data = rows.map((r) => ({
      id: `workspace:${r.workspace_id}`,
      object: 'model' as const,
      created: Math.floor(new Date(r.created_at).getTime() / 1000),
      owned_by: 'ragstream',
      name: r.name,
    }));
    return { object: 'list' as const, data };
  }
}
