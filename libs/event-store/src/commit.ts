import type { Actor, CommitEnvelope } from '@ragstream/contracts';

/** A commit read back from the stream, its events upcast to their latest schema versions. */
export interface Commit {
  /** The stream sequence of the commit: its global position. */
  readonly position: number;
  readonly subject: string;
  readonly envelope: CommitEnvelope;
  readonly events: readonly { type: string; data: unknown }[];
  readonly headers: Readonly<Record<string, string>>;
  /** The commit's link in its aggregate's hash chain: `envelope.hash`, or the content hash of a legacy commit. */
  readonly hash: string;
}

/** Who, why and under which ids a commit is written. */
export interface CommitContext {
  /** Becomes the Nats-Msg-Id; derive it from the client's Idempotency-Key to make retries safe. */
  readonly commitId: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly occurredAt: Date;
}

export interface AppendRequest {
  readonly tenantId: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** Stream sequence of the last commit the caller loaded for this subject; 0 to create. */
  readonly expectedSequence: number;
  /** The aggregate's own dense version before this commit. */
  readonly expectedVersion: number;
  readonly events: readonly { type: string; data: unknown }[];
  readonly context: CommitContext;
  /** The hash of the commit at `expectedSequence` (genesis to create); read from the stream when omitted. */
  readonly previousHash?: string;
}

export interface AppendResult {
  readonly position: number;
  readonly version: number;
  /** The appended commit's hash, the next commit's `prevHash`. */
  readonly hash: string;
  /** True when the commit id had already been appended: nothing new was written. */
  readonly duplicate: boolean;
}
