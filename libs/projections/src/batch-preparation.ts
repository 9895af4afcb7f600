import { decodeCommit, type Commit } from '@ragstream/event-store';
import type { JsMsg } from 'nats';
import type { BatchSettings } from './batch-applier';
import { readCheckpoint } from './checkpoint-store';

/**
 * Runs the projection's `prepare` for the messages this batch will probably apply. The checkpoint is
 * read without a lock: a position applied meanwhile is merely prepared for nothing, and one that fails
 * to decode is left to `apply`, where it fails and is dead-lettered like any poison message.
 */
export async function prepareOutsideTransaction(settings: BatchSettings, messages: readonly JsMsg[]): Promise<ReadonlyMap<number, unknown>> {
  const { projection, registry, dataSource } = settings;
  const checkpoint = await readCheckpoint(dataSource, projection.name, projection.version);
  const commits: Commit[] = [];
  for (const message of messages) {
    if (message.seq <= checkpoint) continue;
    try {
      commits.push(decodeCommit(registry, { seq: message.seq, subject: message.subject, data: message.data, headers: message.headers }));
    } catch {
      // Poison: apply will fail on it again and record why.
    }
  }
  if (commits.length === 0 || !projection.prepare) return new Map();
  return projection.prepare(commits);
}
