import { decodeCommit, scanStream, type JetStreamEventStore } from '@ragstream/event-store';
import { LEDGER_TYPE } from './checkpoint-root';

/** A recorded checkpoint: where it is in the log and what it says about its tenant. */
export interface RecordedCheckpoint {
  readonly tenantId: string;
  readonly position: number;
  readonly subject: string;
  readonly upToPosition: number;
  readonly aggregates: number;
  readonly commits: number;
  readonly root: string;
}

/**
 * The checkpoints in the log up to `head`, oldest first by what they cover. Undecodable ledger
 * commits are skipped here; the chain walk reports them.
 */
export async function readCheckpoints(store: JetStreamEventStore, head: number, tenantId?: string): Promise<RecordedCheckpoint[]> {
  const filterSubject = `${store.subjects.prefix}.${tenantId ?? '*'}.${LEDGER_TYPE}.${tenantId ?? '*'}`;
  const found: RecordedCheckpoint[] = [];
  for await (const message of scanStream(store.nc, store.options.stream, { filterSubject, toPosition: head })) {
    let commit;
    try {
      commit = decodeCommit(store.registry, message);
    } catch {
      continue;
    }
    const { tenantId: owner, aggregateId } = commit.envelope;
    if (owner !== aggregateId) continue;
    for (const event of commit.events) {
      if (event.type !== 'ledger.checkpointed') continue;
      const data = event.data as Omit<RecordedCheckpoint, 'tenantId' | 'position' | 'subject'>;
      found.push({ tenantId: owner, position: commit.position, subject: commit.subject, ...data });
    }
  }
  return found.sort((a, b) => a.upToPosition - b.upToPosition);
}
