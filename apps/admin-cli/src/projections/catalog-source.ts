import { createEventRegistry, type EventRegistry } from '@ragstream/contracts';
import { DomainError } from '@ragstream/domain';
import type { Projection } from '@ragstream/projections';
import { openCatalogDependencies, projectionCatalog } from '@ragstream/read-models';
import { loadAdminIndexingConfig } from '../admin.config';
import type { OpsSession } from './ops-session';

/** Where the commands get the projections from: the deployment's catalog, or a test's. */
export interface CatalogSource {
  projections(session: OpsSession): Promise<Projection[]>;
  registry(): EventRegistry;
}

/** The projector's catalog, built with the same indexing settings, so fingerprints agree with it. */
export const deploymentCatalog: CatalogSource = {
  async projections(session) {
    return projectionCatalog(await openCatalogDependencies(session.nc, session.dataSource, loadAdminIndexingConfig()));
  },
  registry: createEventRegistry,
};

/** The projections a command names: every one with `all`, else the one called `name` (not found: exit 2). */
export function selectProjections(catalog: readonly Projection[], name: string | undefined, all: boolean): Projection[] {
  if (all && name) throw new DomainError('USAGE.NAME_AND_ALL', 'validation', 'give a projection name or --all, not both');
  if (all || name === undefined) return [...catalog];
  const projection = catalog.find((p) => p.name === name);
  if (!projection) throw new DomainError('PROJECTION.UNKNOWN', 'not-found', `no projection ${name}; this deployment runs ${catalog.map((p) => p.name).join(', ')}`);
  return [projection];
}
