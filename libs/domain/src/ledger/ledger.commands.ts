import type { DomainCommand } from '../shared';

/** What an integrity walk of the tenant found at `upToPosition`; see libs/audit. */
export type RecordCheckpoint = DomainCommand<'RecordCheckpoint', { upToPosition: number; aggregates: number; commits: number; root: string }>;

export type LedgerCommand = RecordCheckpoint;
