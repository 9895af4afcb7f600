import { z } from 'zod';
import { MinPositionQuery } from './common.http';
import { defineRoute } from './route-contract';


export const getMe = defineRoute({
  method: 'get',
  path: '/v1/me',
  summary: 'Who the credentials belong to',
  tags: ['me'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  query: MinPositionQuery,
  response: z.object({
    kind: z.enum(['user', 'apikey']),
    tenantId: z.uuid(),
    userId: z.uuid().nullable(),
    keyId: z.uuid().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    tenantRole: z.enum(['owner', 'admin', 'member']).nullable(),
    scopes: z.array(z.enum(['read', 'write', 'admin'])),
    workspaceId: z.uuid().nullable(),
  }),
  status: 200,
});

export const listMyTenants = defineRoute({
  method: 'get',
  path: '/v1/me/tenants',
  summary: 'Tenants the caller belongs to, with the caller’s role',
  tags: ['me'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  query: MinPositionQuery,
  response: z.object({
    items: z.array(z.object({ tenantId: z.uuid(), name: z.string(), role: z.enum(['owner', 'admin', 'member']).nullable() })),
  }),
  status: 200,
});
