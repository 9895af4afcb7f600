import type { EventRegistry } from '@ragstream/contracts';
import type { Commit } from '@ragstream/event-store';
import { decodeMessage, type StreamMessage } from './apply-message';
import type { Projection } from './projection';

/**
 * Runs the projection's `prepare` for the messages after `after` that a batch will probably apply.
 * A message that fails to decode is left to `apply`, where it fails and is dead-lettered like any
 * poison message; a position applied meanwhile is merely prepared for nothing.
 */
export async function prepareOutsideTransaction(
  projection: Projection,
  registry: EventRegistry,
  messages: readonly StreamMessage[],
  after: number,
): Promise<ReadonlyMap<number, unknown>> {
  if (!projection.prepare) return new Map();
  const commits: Commit[] = [];
  for (const message of messages) {
    if (message.seq <= after) continue;
    try {
      commits.push(decodeMessage(registry, message));
    } catch {
      // Poison: apply will fail on it again and record why.
    }
  }
  return commits.length === 0 ? new Map() : projection.prepare(commits);
}
