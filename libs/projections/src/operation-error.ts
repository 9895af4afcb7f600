import { DomainError } from '@ragstream/domain';

/** Why an operator's request on a projection was refused; 'locked' is a conflict with a running rebuild. */
export type OperationErrorKind = 'not-found' | 'conflict' | 'locked';

/**
 * A refusal with a stable code, its details and what the operator can do about it (`details.hint`).
 * A DomainError, so the CLI's exit codes and the HTTP problem mapping apply unchanged.
 */
export class ProjectionOperationError extends DomainError {
  constructor(
    readonly kind: OperationErrorKind,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    hint?: string,
  ) {
    super(code, kind === 'not-found' ? 'not-found' : 'conflict', message, hint ? { ...details, hint } : details);
    this.name = 'ProjectionOperationError';
  }
}
