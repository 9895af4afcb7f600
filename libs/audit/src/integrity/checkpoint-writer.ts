import { randomUUID } from 'node:crypto';
import type { Actor } from '@ragstream/contracts';
import { ledgerDecider } from '@ragstream/domain';
import type { CommandExecutor, JetStreamEventStore } from '@ragstream/event-store';
import { checkpointRoot } from './checkpoint-root';
import { runVerification, type VerifyReport } from './verify-log';

export interface WrittenCheckpoint {
  readonly tenantId: string;
  readonly upToPosition: number;
  readonly aggregates: number;
  readonly commits: number;
  readonly root: string;
  /** Where the checkpoint commit landed; null when the tenant had nothing new since its last one. */
  readonly position: number | null;
}

/**
 * Verifies the log (or one tenant) and, only when it is intact, records for each tenant a
 * checkpoint of its aggregate heads at the verified head, on the tenant's `ledger` aggregate.
 */
export async function writeCheckpoints(
  store: JetStreamEventStore,
  executor: CommandExecutor,
  options: { tenantId?: string; actor: Actor },
): Promise<{ report: VerifyReport; checkpoints: WrittenCheckpoint[] }> {
  const { report, verifier } = await runVerification(store, { tenantId: options.tenantId });
  if (!report.ok) return { report, checkpoints: [] };
  const checkpoints: WrittenCheckpoint[] = [];
  for (const tenantId of options.tenantId ? [options.tenantId] : verifier.tenants()) {
    const heads = verifier.headsOf(tenantId);
    if (heads.length === 0) continue;
    const data = { upToPosition: report.upToPosition, aggregates: heads.length, commits: verifier.commitsOf(tenantId), root: checkpointRoot(heads) };
    const context = { commitId: randomUUID(), actor: options.actor, correlationId: randomUUID(), occurredAt: new Date() };
    const result = await executor.execute(
      ledgerDecider,
      { type: 'RecordCheckpoint', data, metadata: { tenantId, actor: options.actor, now: context.occurredAt } },
      { tenantId, aggregateId: tenantId, context },
    );
    checkpoints.push({ tenantId, ...data, position: result.events.length > 0 ? result.position : null });
  }
  return { report, checkpoints };
}
