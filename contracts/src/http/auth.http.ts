import { z } from 'zod';
import { CommandAccepted } from './common.http';
import { defineRoute } from './route-contract';

const Email = z.email().max(320);
const Password = z.string().min(10, 'must be at least 10 characters').max(200);
const Name = z.string().trim().min(1).max(200);

export const TokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('access token lifetime in seconds'),
  position: z.number().int(),
});

export const signUp = defineRoute({
  method: 'post',
  path: '/v1/auth/signup',
  summary: 'Create a tenant, its first workspace and its owner',
  tags: ['auth'],
  auth: 'public',
  headers: ['Idempotency-Key'],
  body: z.object({ email: Email, password: Password, name: Name, tenantName: Name, workspaceName: Name.default('General') }),
  response: z.object({ tenantId: z.uuid(), workspaceId: z.uuid(), userId: z.uuid(), position: z.number().int() }),
  status: 201,
});

export const logIn = defineRoute({
  method: 'post',
  path: '/v1/auth/login',
  summary: 'Exchange e-mail and password for an access and a refresh token',
  tags: ['auth'],
  auth: 'public',
  body: z.object({ email: Email, password: z.string().min(1).max(200) }),
  response: TokenPair,
  status: 200,
});

export const refreshTokens = defineRoute({
  method: 'post',
  path: '/v1/auth/refresh',
  summary: 'Rotate a refresh token; presenting an already rotated one revokes the whole session',
  tags: ['auth'],
  auth: 'public',
  body: z.object({ refreshToken: z.string().min(1).max(4096) }),
  response: TokenPair,
  status: 200,
});

export const logOut = defineRoute({
  method: 'post',
  path: '/v1/auth/logout',
  summary: 'Revoke the current session and its refresh tokens',
  tags: ['auth'],
  auth: { scope: 'read' },
  response: CommandAccepted,
  status: 200,
});

export const changePassword = defineRoute({
  method: 'post',
  path: '/v1/auth/password',
  summary: 'Change the signed-in user’s password',
  tags: ['auth'],
  auth: { scope: 'read' },
  body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password }),
  response: CommandAccepted,
  status: 200,
});

export const acceptInvitation = defineRoute({
  method: 'post',
  path: '/v1/invitations/accept',
  summary: 'Set a password with an invitation token and activate the account',
  tags: ['auth'],
  auth: 'public',
  body: z.object({ token: z.string().regex(/^inv_[0-9a-f-]{36}_[0-9a-f-]{36}_[A-Za-z0-9_-]{16,64}$/, 'not an invitation token'), password: Password }),
  response: CommandAccepted.extend({ userId: z.uuid(), tenantId: z.uuid() }),
  status: 200,
});
