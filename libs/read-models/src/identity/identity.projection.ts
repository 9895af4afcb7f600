import type { Commit } from '@ragstream/event-store';
import type { Projection, SqlExecutor, TableNames } from '@ragstream/projections';
import { applyAccessEvent } from './access.apply';
import { identityTables, createIdentityTables, type IdentityTable } from './identity.tables';
import { applyTenancyEvent } from './tenancy.apply';

/** The stream context every row write needs besides the event itself. */
export interface Written {
  readonly tenantId: string;
  readonly aggregateId: string;
  readonly position: number;
  readonly version: number;
  readonly at: string;
}

/** Users, tenants, workspaces, memberships, API keys and sessions, for the query API and authentication. */
export const identityProjection: Projection<IdentityTable> = {
  name: 'identity',
  version: 1,
  tables: identityTables,
  setup: createIdentityTables,
  async apply(sql: SqlExecutor, commit: Commit, t: TableNames<IdentityTable>) {
    const { envelope } = commit;
    const at: Written = { tenantId: envelope.tenantId, aggregateId: envelope.aggregateId, position: commit.position, version: envelope.version, at: envelope.occurredAt };
    for (const event of commit.events) {
      if (await applyTenancyEvent(sql, t, event, at)) continue;
      await applyAccessEvent(sql, t, event, at);
    }
  },
};
