import type { TenantEvent, TenantRole } from '@ragstream/contracts';
import { isTenantAdmin, memberRole, type Authority } from '../access';
import { assertNever, conflict, forbidden, notFound, type Decider } from '../shared';
import type { TenantCommand } from './tenant.commands';
import { evolveTenant, initialTenantState, type TenantState } from './tenant.state';

function requireExists(state: TenantState): void {
  if (!state.exists) throw notFound('TENANT.NOT_FOUND', 'no such tenant');
}

/** Owners and admins manage plain members; only owners manage admins and owners. */
function requireMayManage(authority: Authority, role: TenantRole): void {
  const allowed = role === 'member' ? isTenantAdmin(authority) : authority.tenantRole === 'owner';
  if (!allowed) throw forbidden('TENANT.FORBIDDEN', `managing a tenant ${role} needs a higher tenant role`);
}

function decide(command: TenantCommand, state: TenantState): TenantEvent[] {
  if (command.type === 'CreateTenant') {
    if (state.exists) throw conflict('TENANT.EXISTS', 'the tenant already exists');
    return [{ type: 'tenant.created', data: { name: command.data.name, ownerUserId: command.data.ownerUserId } }];
  }
  requireExists(state);
  if (!isTenantAdmin(command.data.authority)) throw forbidden('TENANT.FORBIDDEN', 'needs a tenant owner or admin');
  switch (command.type) {
    case 'RenameTenant':
      return command.data.name === state.name ? [] : [{ type: 'tenant.renamed', data: { name: command.data.name } }];
    case 'AddTenantMember': {
      const { userId, role, authority } = command.data;
      requireMayManage(authority, role);
      if (memberRole(state.members, userId)) throw conflict('TENANT.MEMBER_EXISTS', 'the user is already a member');
      return [{ type: 'tenant.member_added', data: { userId, role } }];
    }
    case 'RemoveTenantMember': {
      const { userId, authority } = command.data;
      const role = memberRole(state.members, userId);
      if (!role) throw notFound('TENANT.MEMBER_NOT_FOUND', 'the user is not a member');
      requireMayManage(authority, role);
      const owners = Object.values(state.members).filter((r) => r === 'owner').length;
      if (role === 'owner' && owners <= 1) throw conflict('TENANT.LAST_OWNER', 'a tenant keeps at least one owner');
      return [{ type: 'tenant.member_removed', data: { userId } }];
    }
    default:
      return assertNever(command);
  }
}

/** A customer organisation and who belongs to it. */
export const tenantDecider: Decider<TenantState, TenantCommand, TenantEvent> = {
  aggregateType: 'tenant',
  initialState: initialTenantState,
  decide,
  evolve: evolveTenant,
};
