import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import { DisplayName } from './identity.schemas';

/** Aggregate `tenant`, id = tenant id. Its creator is its one owner; others join as admin or member. */
export const TenantCreated = defineEvent('tenant.created', [z.object({ name: DisplayName, ownerUserId: z.uuid() })]);
export const TenantRenamed = defineEvent('tenant.renamed', [z.object({ name: DisplayName })]);
export const TenantMemberAdded = defineEvent('tenant.member_added', [
  z.object({ userId: z.uuid(), role: z.enum(['admin', 'member']) }),
]);
export const TenantMemberRemoved = defineEvent('tenant.member_removed', [z.object({ userId: z.uuid() })]);

export const tenantEvents = [TenantCreated, TenantRenamed, TenantMemberAdded, TenantMemberRemoved] as const;
export type TenantEvent = EventOf<(typeof tenantEvents)[number]>;
