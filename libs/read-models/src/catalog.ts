import type { Projection } from '@ragstream/projections';
import { identityProjection } from './identity';

/** Every projection the projector runs, in the order they start. */
export function projectionCatalog(): Projection<any>[] {
  return [identityProjection];
}
