import { scanStream, type JetStreamEventStore } from '@ragstream/event-store';
import type { BrokenLink } from './broken-link';
import { ChainVerifier } from './chain-verifier';
import { checkpointRoot } from './checkpoint-root';
import { readCheckpoints, type RecordedCheckpoint } from './ledger-checkpoints';

export interface VerifyOptions {
  /** One tenant's aggregates and checkpoints; all of the log without. */
  readonly tenantId?: string;
  readonly signal?: AbortSignal;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly tenantId: string | null;
  /** The stream head when the walk began: everything up to it was checked. */
  readonly upToPosition: number;
  readonly commits: number;
  readonly aggregates: number;
  /** Commits from before the hash chain: their versions are checked, their content cannot be. */
  readonly legacyCommits: number;
  readonly checkpointsVerified: number;
  readonly broken: BrokenLink | null;
}

/** Compares a checkpoint with the heads walked up to the position it covers. */
function checkAgainst(verifier: ChainVerifier, cp: RecordedCheckpoint): BrokenLink | undefined {
  const heads = verifier.headsOf(cp.tenantId);
  const root = checkpointRoot(heads);
  const commits = verifier.commitsOf(cp.tenantId);
  if (root === cp.root && heads.length === cp.aggregates && commits === cp.commits) return undefined;
  return {
    position: cp.position,
    subject: cp.subject,
    kind: 'checkpoint-mismatch',
    message: `up to position ${cp.upToPosition} the checkpoint records ${cp.aggregates} aggregates and ${cp.commits} commits; the log has ${heads.length} and ${commits}`,
    expected: cp.root,
    found: root,
  };
}

/**
 * Walks the log (or one tenant) in order, checks every commit's hash, link and version, and each
 * recorded checkpoint at the position it covers. Stops at the first broken link. The verifier is
 * returned too, so a checkpoint can be taken from the heads just checked.
 */
export async function runVerification(store: JetStreamEventStore, options: VerifyOptions = {}) {
  const head = await store.headPosition();
  const checkpoints = await readCheckpoints(store, head, options.tenantId);
  const verifier = new ChainVerifier(store.subjects);
  let verified = 0;
  const report = (broken: BrokenLink | null): VerifyReport => ({
    ok: broken === null, tenantId: options.tenantId ?? null, upToPosition: head, commits: verifier.commits,
    aggregates: verifier.aggregates, legacyCommits: verifier.legacyCommits, checkpointsVerified: verified, broken,
  });
  // Checkpoints covering positions before `seq` are due: every commit they cover has been walked.
  const due = (seq: number): BrokenLink | undefined => {
    while (verified < checkpoints.length && checkpoints[verified].upToPosition < seq) {
      const problem = checkAgainst(verifier, checkpoints[verified]);
      if (problem) return problem;
      verified++;
    }
    return undefined;
  };
  if (head > 0) {
    const filterSubject = store.subjects.all(options.tenantId);
    for await (const message of scanStream(store.nc, store.options.stream, { filterSubject, toPosition: head, signal: options.signal })) {
      const problem = due(message.seq) ?? verifier.accept(message);
      if (problem) return { report: report(problem), verifier };
    }
  }
  if (options.signal?.aborted) throw new Error('verification interrupted before the head');
  const late = due(Number.POSITIVE_INFINITY);
  return { report: report(late ?? null), verifier };
}

/** Checks the integrity chain; the report names the first broken link, if any. */
export async function verifyLog(store: JetStreamEventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  return (await runVerification(store, options)).report;
}
