import { OpenAPIRegistry, OpenApiGeneratorV3, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { Problem } from '../problem';
import type { RouteContract } from './route-contract';

extendZodWithOpenApi(z);

const errorStatuses: Record<number, string> = {
  400: 'The request does not match the contract; `errors` lists each field path',
  401: 'Missing, invalid or expired credentials',
  403: 'The credentials do not allow this',
  404: 'Not found in your tenant',
  409: 'Conflicts with the current state (concurrent change, duplicate)',
  429: 'A quota or rate limit is reached; see Retry-After',
  503: 'A dependency or the read model is not ready; retry',
};

/** The OpenAPI 3 document of a set of routes, generated from the same zod contracts the code parses with. */
export function buildOpenApiDocument(routes: readonly RouteContract[], info: { title: string; version: string; description?: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-API-Key' });
  const problem = { 'application/problem+json': { schema: Problem } };
  for (const route of routes) {
    const headers = (route.headers ?? []).map((name) => ({ name, in: 'header' as const, required: false, schema: { type: 'string' as const } }));
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      tags: [...route.tags],
      security: route.auth === 'public' ? [] : [{ bearer: [] }, { apiKey: [] }],
      description: route.auth === 'public' ? undefined : `Requires scope \`${route.auth.scope}\`.`,
      parameters: headers,
      request: {
        params: route.params,
        query: route.query,
        body: route.body && !(route.body instanceof z.ZodUndefined) ? { content: { 'application/json': { schema: route.body } } } : undefined,
      },
      responses: {
        [route.status]: { description: 'Success', content: { 'application/json': { schema: route.response } } },
        ...Object.fromEntries(Object.entries(errorStatuses).map(([status, description]) => [status, { description, content: problem }])),
      },
    });
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({ openapi: '3.0.3', info });
}
