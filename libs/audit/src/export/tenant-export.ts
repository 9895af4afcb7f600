import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentStore, JetStreamEventStore } from '@ragstream/event-store';
import { exportCommits } from './export-commits';

export interface TenantExportManifest {
  readonly format: 'ragstream.tenant-export.v1';
  readonly tenantId: string;
  readonly exportedAt: string;
  /** The stream head when the export began; later commits are not in it. */
  readonly upToPosition: number;
  readonly commits: { readonly file: string; readonly count: number; readonly sha256: string; readonly firstPosition: number | null; readonly lastPosition: number | null };
  readonly events: number;
  readonly aggregates: number;
  readonly objects: readonly { readonly sha256: string; readonly size: number }[];
  /** Referenced but not in the bucket, or not matching their name. */
  readonly missingObjects: readonly string[];
}

/**
 * Writes every commit of a tenant as stored (envelope with hashes, headers, position) to
 * `commits.ndjson`, every object its events refer to under `objects/<sha256>`, and a manifest with
 * counts and hashes. Sealed personal data stays sealed: keys never leave the deployment.
 */
export async function exportTenant(store: JetStreamEventStore, content: ContentStore | undefined, tenantId: string, dir: string): Promise<TenantExportManifest> {
  await mkdir(join(dir, 'objects'), { recursive: true });
  const upToPosition = await store.headPosition();
  const { refs, events, aggregates, ...commits } = await exportCommits(store, tenantId, upToPosition, join(dir, 'commits.ndjson'));
  const objects: { sha256: string; size: number }[] = [];
  const missingObjects: string[] = [];
  for (const ref of [...refs].sort()) {
    const bytes = await content?.get(ref);
    // An object whose bytes do not hash to its name is as good as missing for a portable copy.
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== ref) {
      missingObjects.push(ref);
      continue;
    }
    await writeFile(join(dir, 'objects', ref), bytes, { flag: 'wx' });
    objects.push({ sha256: ref, size: bytes.byteLength });
  }
  const manifest: TenantExportManifest = {
    format: 'ragstream.tenant-export.v1',
    tenantId,
    exportedAt: new Date().toISOString(),
    upToPosition,
    commits: { file: 'commits.ndjson', ...commits },
    events,
    aggregates,
    objects,
    missingObjects,
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  return manifest;
}
