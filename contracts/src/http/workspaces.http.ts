import { z } from 'zod';
import { CommandAccepted, PageQuery, Paged, MinPositionQuery } from './common.http';
import { defineRoute } from './route-contract';

export const WorkspaceRoleSchema = z.enum(['owner', 'admin', 'editor', 'reader']);
const Name = z.string().trim().min(1).max(200);
const WorkspaceParams = z.object({ workspaceId: z.uuid() });
const MemberParams = z.object({ workspaceId: z.uuid(), userId: z.uuid() });

export const createWorkspace = defineRoute({
  method: 'post',
  path: '/v1/workspaces',
  summary: 'Create a workspace; the caller becomes its owner',
  tags: ['workspaces'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  body: z.object({ name: Name }),
  response: CommandAccepted.extend({ workspaceId: z.uuid() }),
  status: 201,
});

export const renameWorkspace = defineRoute({
  method: 'patch',
  path: '/v1/workspaces/{workspaceId}',
  summary: 'Rename a workspace',
  tags: ['workspaces'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: WorkspaceParams,
  body: z.object({ name: Name }),
  response: CommandAccepted,
  status: 200,
});

export const archiveWorkspace = defineRoute({
  method: 'post',
  path: '/v1/workspaces/{workspaceId}/archive',
  summary: 'Archive a workspace; it becomes read-only',
  tags: ['workspaces'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: WorkspaceParams,
  response: CommandAccepted,
  status: 200,
});

export const addWorkspaceMember = defineRoute({
  method: 'post',
  path: '/v1/workspaces/{workspaceId}/members',
  summary: 'Add a user of the tenant, or invite a new one by e-mail',
  tags: ['workspaces'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key'],
  params: WorkspaceParams,
  body: z.union([
    z.object({ userId: z.uuid(), role: WorkspaceRoleSchema }),
    z.object({ email: z.email().max(320), name: Name, role: WorkspaceRoleSchema }),
  ]),
  response: CommandAccepted.extend({
    userId: z.uuid(),
    invited: z.boolean(),
    invitationToken: z.string().optional().describe('shown once, when a new user was invited'),
  }),
  status: 201,
});

export const changeWorkspaceMemberRole = defineRoute({
  method: 'patch',
  path: '/v1/workspaces/{workspaceId}/members/{userId}',
  summary: 'Change a member’s role',
  tags: ['workspaces'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: MemberParams,
  body: z.object({ role: WorkspaceRoleSchema }),
  response: CommandAccepted,
  status: 200,
});

export const removeWorkspaceMember = defineRoute({
  method: 'delete',
  path: '/v1/workspaces/{workspaceId}/members/{userId}',
  summary: 'Remove a member from a workspace',
  tags: ['workspaces'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key', 'If-Match'],
  params: MemberParams,
  response: CommandAccepted,
  status: 200,
});

export const WorkspaceView = z.object({
  workspaceId: z.uuid(),
  tenantId: z.uuid(),
  name: z.string(),
  archived: z.boolean(),
  myRole: WorkspaceRoleSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const listWorkspaces = defineRoute({
  method: 'get',
  path: '/v1/workspaces',
  summary: 'Workspaces the caller can see',
  tags: ['workspaces'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  query: PageQuery.extend(MinPositionQuery.shape).extend({ includeArchived: z.enum(['true', 'false']).default('false') }),
  response: Paged(WorkspaceView),
  status: 200,
});

export const getWorkspace = defineRoute({
  method: 'get',
  path: '/v1/workspaces/{workspaceId}',
  summary: 'One workspace',
  tags: ['workspaces'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  params: WorkspaceParams,
  query: MinPositionQuery,
  response: WorkspaceView,
  status: 200,
});

export const MemberView = z.object({
  userId: z.uuid(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  role: WorkspaceRoleSchema,
  status: z.enum(['invited', 'active', 'erased']),
  addedAt: z.string(),
});

export const listWorkspaceMembers = defineRoute({
  method: 'get',
  path: '/v1/workspaces/{workspaceId}/members',
  summary: 'Members of a workspace',
  tags: ['workspaces'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  params: WorkspaceParams,
  query: MinPositionQuery,
  response: z.object({ items: z.array(MemberView) }),
  status: 200,
});
