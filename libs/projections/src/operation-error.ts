/** Why an operator's request on a projection was refused: the CLI turns `kind` into its exit code. */
export type OperationErrorKind = 'not-found' | 'conflict' | 'locked';

/** A refusal with a stable code and what the operator can do about it. */
export class ProjectionOperationError extends Error {
  constructor(
    readonly kind: OperationErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ProjectionOperationError';
  }
}
