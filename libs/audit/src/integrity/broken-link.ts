/** How a link of the log can be broken. */
export type BreakKind =
  | 'undecodable'
  | 'subject-mismatch'
  | 'hash-mismatch'
  | 'hash-missing'
  | 'prev-hash-mismatch'
  | 'version-gap'
  | 'checkpoint-mismatch';

/** The first place where the log is not what its hashes, versions or checkpoints say it must be. */
export interface BrokenLink {
  readonly position: number;
  readonly subject: string;
  readonly kind: BreakKind;
  readonly message: string;
  readonly expected?: string | number;
  readonly found?: string | number;
}
