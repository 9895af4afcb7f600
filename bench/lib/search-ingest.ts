import { performance } from 'node:perf_hooks';
import type { CheckpointWatcher } from '@ragstream/projections';
import type { IngestBody } from './beir-chunks';
import { progress, runClosedLoop } from './load';
import type { SearchSession } from './search-session';
import type { PhaseResult } from './stats';

export interface ApiIngest {
  readonly phase: PhaseResult;
  /** First request sent -> the search projection applied the last commit. */
  readonly toIndexedMs: number;
  readonly maxPosition: number;
  /** Answers that said the workspace already held the same content. */
  readonly duplicates: number;
  /** Platform document id -> the external ids ingested as it (several when their content was identical). */
  readonly externalIds: Map<string, string[]>;
}

/** Posts every body at `concurrency`, then waits until the search projection has applied the highest position answered. */
export async function ingestThroughApi(s: SearchSession, watcher: CheckpointWatcher, label: string, bodies: readonly IngestBody[], concurrency: number): Promise<ApiIngest> {
  const externalIds = new Map<string, string[]>();
  let maxPosition = 0;
  let duplicates = 0;
  const path = `/v1/workspaces/${s.workspaceId}/documents`;
  const started = performance.now();
  const phase = await runClosedLoop(label, bodies.length, concurrency, async (i) => {
    const answer = await s.platform.commandClient.expect(202, 'POST', path, s.auth, bodies[i]);
    maxPosition = Math.max(maxPosition, answer.position);
    if (answer.duplicate) duplicates++;
    const ids = externalIds.get(answer.documentId) ?? [];
    externalIds.set(answer.documentId, [...ids, bodies[i].metadata.beirId]);
  });
  await waitForSearch(watcher, maxPosition, label);
  return { phase, toIndexedMs: performance.now() - started, maxPosition, duplicates, externalIds };
}

/** Waits for the search checkpoint, with a progress line every few seconds; gives up after an hour without movement. */
export async function waitForSearch(watcher: CheckpointWatcher, position: number, label: string): Promise<void> {
  let last = watcher.position('search') ?? 0;
  let stalledSince = performance.now();
  for (;;) {
    try {
      await watcher.waitFor('search', position, 5000);
      return;
    } catch {
      const now = watcher.position('search') ?? 0;
      if (now !== last) [last, stalledSince] = [now, performance.now()];
      if (performance.now() - stalledSince > 3_600_000) throw new Error(`${label}: the search projection stayed at ${now}, below ${position}, for an hour`);
      progress(`${label}: search projection at position ${now} of ${position}`);
    }
  }
}
