import type { BuildRecord } from './build-registry';
import type { Projection } from './projection';

/** How the live build relates to the code and configuration at hand. */
export type BuildMatch = 'same' | 'older' | 'newer' | 'other-fingerprint';

/**
 * 'same' when the live build was made by this code version with this configuration; 'older' for an
 * older version, 'newer' for a newer one (another instance was upgraded first), 'other-fingerprint'
 * when only the configuration differs. A projection without a fingerprint matches a build without one.
 */
export function matchBuild(live: BuildRecord, projection: Projection): BuildMatch {
  if (live.version < projection.version) return 'older';
  if (live.version > projection.version) return 'newer';
  return (live.fingerprint ?? null) === (projection.fingerprint ?? null) ? 'same' : 'other-fingerprint';
}
