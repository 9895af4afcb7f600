import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { EventSchemaError, type Problem } from '@ragstream/contracts';
import { DomainError, type ErrorCategory } from '@ragstream/domain';
import { correlationId, createLogger } from '@ragstream/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestValidationError } from './validation.error';

const statusOf: Record<ErrorCategory, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  unavailable: 503,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const log = createLogger('http');

/** Maps every error to RFC 9457 problem+json with a stable code and the correlation id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = problemFor(error, request.url);
    if (problem.status >= 500) log.error({ err: error, status: problem.status, url: request.url }, 'request failed');
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    void reply.status(problem.status).type('application/problem+json').send(problem);
  }
}

/** Seconds a client should wait: `details.retryAfterSeconds` of a DomainError, else 1 for an unavailable dependency. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const given = error.details?.retryAfterSeconds;
  if (typeof given === 'number' && Number.isFinite(given)) return Math.max(0, Math.ceil(given));
  return error.category === 'unavailable' ? 1 : undefined;
}

/** The problem+json body for an error, as the filter answers it; for errors that happen after a stream began. */
export function problemFor(error: unknown, instance?: string): Problem {
  const problem = toProblem(error);
  if (instance !== undefined) problem.instance = instance;
  problem.correlationId = correlationId();
  return problem;
}

function toProblem(error: unknown): Problem {
  if (error instanceof RequestValidationError) {
    return problem(400, error.code, error.message, { errors: error.fieldErrors });
  }
  if (error instanceof DomainError) {
    const extra = error.details ? { details: error.details } : {};
    return problem(statusOf[error.category], error.code, error.message, extra);
  }
  if (error instanceof EventSchemaError) {
    return problem(500, 'EVENT.SCHEMA_INVALID', 'the server produced an invalid event; nothing was written');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 404 ? 'ROUTE.NOT_FOUND' : status === 401 ? 'AUTH.UNAUTHENTICATED' : `HTTP.${status}`;
    return problem(status, code, error.message);
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return problem(fastifyError.statusCode, `REQUEST.${fastifyError.code ?? 'REJECTED'}`, fastifyError.message ?? 'request rejected');
  }
  return problem(500, 'INTERNAL', 'an unexpected error occurred; it has been logged with the correlation id');
}

function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `https://ragstream.dev/problems/${code.toLowerCase()}`, title: titles[status] ?? 'Error', status, code, detail, ...extra };
}
