import type { Authority } from '../access';
import type { DomainCommand } from '../shared';

export type CreateTenant = DomainCommand<'CreateTenant', { name: string; ownerUserId: string }>;
export type RenameTenant = DomainCommand<'RenameTenant', { name: string; authority: Authority }>;
export type AddTenantMember = DomainCommand<'AddTenantMember', { userId: string; role: 'admin' | 'member'; authority: Authority }>;
export type RemoveTenantMember = DomainCommand<'RemoveTenantMember', { userId: string; authority: Authority }>;

export type TenantCommand = CreateTenant | RenameTenant | AddTenantMember | RemoveTenantMember;
