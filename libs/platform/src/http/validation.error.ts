import type { z } from 'zod';
import { DomainError } from '@ragstream/domain';

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

/** A request that does not match its contract; carries one entry per offending field path. */
export class RequestValidationError extends DomainError {
  constructor(readonly fieldErrors: FieldError[]) {
    super('REQUEST.INVALID', 'validation', `the request has ${fieldErrors.length} invalid field(s)`);
  }

  static fromZod(location: string, error: z.ZodError): RequestValidationError {
    return new RequestValidationError(
      error.issues.map((issue) => ({
        path: [location, ...issue.path.map(String)].join('.'),
        message: issue.message,
        code: issue.code,
      })),
    );
  }
}
