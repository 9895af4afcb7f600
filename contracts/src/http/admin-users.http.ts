import { z } from 'zod';
import { ForgetReason } from '../events/user.events';
import { CommandAccepted } from './common.http';
import { defineRoute } from './route-contract';

export const forgetUser = defineRoute({
  method: 'post',
  path: '/v1/admin/users/{userId}/forget',
  summary: 'Forget a user of the tenant: destroy their personal-data key (crypto-shredding), free their e-mail address, end their sessions',
  tags: ['admin'],
  auth: { scope: 'admin' },
  headers: ['Idempotency-Key'],
  params: z.object({ userId: z.uuid() }),
  body: z.object({ reason: ForgetReason.default('user_request') }).default({ reason: 'user_request' }),
  response: CommandAccepted.extend({
    userId: z.uuid(),
    keyDestroyed: z.boolean().describe('false when an earlier call destroyed it'),
    emailReleased: z.boolean(),
    sessionsRevoked: z.number().int(),
  }),
  status: 200,
});
