import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from '@ragstream/platform';

/** The read-your-writes position a request asks for: `X-Min-Position` header or `minPosition` query. */
export function minPositionOf(request: FastifyRequest): number | undefined {
  const header = request.headers['x-min-position'];
  const query = (request.query as Record<string, unknown> | undefined)?.minPosition;
  const raw = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RequestValidationError([{ path: 'headers.x-min-position', message: 'must be a non-negative integer' }]);
  }
  return value;
}

/**
 * The read-your-writes position of a query as a handler parameter. The auth guard waits for the
 * identity read model with it; the handler still has to wait for the model it reads itself.
 */
export const MinPosition = createParamDecorator((_data: unknown, ctx: ExecutionContext): number | undefined =>
  minPositionOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
