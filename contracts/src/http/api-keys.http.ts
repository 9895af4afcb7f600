import { z } from 'zod';
import { CommandAccepted, MinPositionQuery } from './common.http';
import { defineRoute } from './route-contract';

export const ApiKeyScopeSchema = z.enum(['read', 'write', 'admin']);

export const createApiKey = defineRoute({
  method: 'post',
  path: '/v1/api-keys',
  summary: 'Create an API key; the secret is shown once',
  tags: ['api-keys'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key'],
  body: z.object({
    name: z.string().trim().min(1).max(200),
    scopes: z.array(ApiKeyScopeSchema).min(1).max(3),
    workspaceId: z.uuid().nullable().default(null),
    expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
  }),
  response: CommandAccepted.extend({
    keyId: z.uuid(),
    key: z.string().describe('the full secret, shown once: send it as X-API-Key'),
    prefix: z.string(),
  }),
  status: 201,
});

export const revokeApiKey = defineRoute({
  method: 'delete',
  path: '/v1/api-keys/{keyId}',
  summary: 'Revoke an API key',
  tags: ['api-keys'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key'],
  params: z.object({ keyId: z.uuid() }),
  response: CommandAccepted,
  status: 200,
});

export const ApiKeyView = z.object({
  keyId: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiKeyScopeSchema),
  workspaceId: z.uuid().nullable(),
  expiresAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const listApiKeys = defineRoute({
  method: 'get',
  path: '/v1/api-keys',
  summary: 'API keys of the tenant (never their secrets)',
  tags: ['api-keys'],
  auth: { scope: 'admin' },
  headers: ['X-Min-Position'],
  query: MinPositionQuery,
  response: z.object({ items: z.array(ApiKeyView) }),
  status: 200,
});
