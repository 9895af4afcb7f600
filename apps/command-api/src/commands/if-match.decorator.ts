import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RequestValidationError } from '@ragstream/platform';
import type { FastifyRequest } from 'fastify';

/** The aggregate version the client last saw (`If-Match: 3` or `If-Match: "3"`), if it sent one. */
export const IfMatch = createParamDecorator((_data: unknown, ctx: ExecutionContext): number | undefined => {
  const raw = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (raw === undefined) return undefined;
  const value = Number(String(raw).replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RequestValidationError([{ path: 'headers.if-match', message: 'must be the aggregate version, a non-negative integer' }]);
  }
  return value;
});
