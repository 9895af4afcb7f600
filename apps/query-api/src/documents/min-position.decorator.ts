import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { minPositionOf } from '@ragstream/auth';
import type { FastifyRequest } from 'fastify';

/**
 * The read-your-writes position of a query: `X-Min-Position` or `?minPosition`. The auth guard waits
 * for the identity read model with it; the handler still has to wait for the model it reads itself.
 */
export const MinPosition = createParamDecorator((_data: unknown, ctx: ExecutionContext): number | undefined =>
  minPositionOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
