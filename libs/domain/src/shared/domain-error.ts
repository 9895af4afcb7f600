/** How an error is meant to be read at the edge; the HTTP layer maps each to a status. */
export type ErrorCategory =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'rate-limited'
  | 'unavailable';

/** A rule the domain refuses to break, with a stable code such as `WORKSPACE.ARCHIVED`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message: string) => new DomainError(code, 'not-found', message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'conflict', message, details);
export const forbidden = (code: string, message: string) => new DomainError(code, 'forbidden', message);
export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'validation', message, details);
export const unauthenticated = (code: string, message: string) => new DomainError(code, 'unauthenticated', message);
