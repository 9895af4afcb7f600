import type { Commit } from '@ragstream/event-store';

/** The only database access a projection gets: plain parameterised SQL inside the runner's transaction. */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Maps a logical table name to one build's physical table, e.g. `users` -> `identity_v1_users` (or `identity_v1_g2_users`). */
export type TableNames<T extends string = string> = (logical: T) => string;

/** A read model: its tables and a deterministic function from one commit to SQL. */
export interface Projection<T extends string = string> {
  /** Lower-case identifier, e.g. 'identity'; it names the consumer, the checkpoint and the tables. */
  readonly name: string;
  /** Bumping it means a rebuild into fresh tables from position 1. */
  readonly version: number;
  /**
   * Configuration that changes the output without a code version bump (an embedding model, a
   * chunker). Recorded per build; the projector rebuilds when the live build was made with another.
   */
  readonly fingerprint?: string;
  /** Logical table names, globally unique: readers see them as views onto the live version. */
  readonly tables: readonly T[];
  /** Idempotent DDL (CREATE TABLE IF NOT EXISTS ...) creating one build's physical tables, all named through `t`. */
  setup(sql: SqlExecutor, t: TableNames<T>): Promise<void>;
  /**
   * Optional I/O for a batch before its transaction opens (reading content, calling an embedding
   * model), so slow or failing calls never hold a transaction. What it returns for a position is
   * handed to `apply` for that commit; throwing retries the whole batch later.
   */
  prepare?(commits: readonly Commit[]): Promise<ReadonlyMap<number, unknown>>;
  /** Applies every event of one commit; must be deterministic given `prepared` and use only `sql`. */
  apply(sql: SqlExecutor, commit: Commit, t: TableNames<T>, prepared?: unknown): Promise<void>;
}
