import { HttpCode, RequestMapping, RequestMethod, SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { expressPath, type RouteContract } from '@ragstream/contracts';
import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from './validation.error';

export const ROUTE_CONTRACT = 'ragstream:route-contract';

const methods = {
  get: RequestMethod.GET,
  post: RequestMethod.POST,
  put: RequestMethod.PUT,
  patch: RequestMethod.PATCH,
  delete: RequestMethod.DELETE,
} as const;

/** Binds a controller method to a route contract: path, method, status and auth come from it. */
export function Route(contract: RouteContract<any, any, any, any>): MethodDecorator {
  return applyDecorators(
    RequestMapping({ path: expressPath(contract.path), method: methods[contract.method] }),
    HttpCode(contract.status),
    SetMetadata(ROUTE_CONTRACT, contract),
  );
}

function parsePart(location: string, schema: RouteContract['params'] | RouteContract['body'], value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
  if (!result.success) throw RequestValidationError.fromZod(location, result.error);
  return result.data;
}

/** The request's params, query and body, parsed with the route's contract (400 with field paths otherwise). */
export const Input = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const contract: RouteContract | undefined = Reflect.getMetadata(ROUTE_CONTRACT, ctx.getHandler());
  if (!contract) throw new Error('@Input() needs @Route(contract) on the same method');
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const errors: RequestValidationError['fieldErrors'] = [];
  const parse = (location: string, schema: any, value: unknown) => {
    try {
      return parsePart(location, schema, value);
    } catch (error) {
      if (!(error instanceof RequestValidationError)) throw error;
      errors.push(...error.fieldErrors);
    }
  };
  const input = {
    params: parse('params', contract.params, request.params),
    query: parse('query', contract.query, request.query),
    body: parse('body', contract.body, request.body),
  };
  if (errors.length > 0) throw new RequestValidationError(errors);
  return input;
});

/** The value of one request header, or undefined. */
export const Header = createParamDecorator((name: string, ctx: ExecutionContext) => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
});
