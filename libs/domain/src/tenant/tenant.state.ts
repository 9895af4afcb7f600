import type { TenantEvent, TenantRole } from '@ragstream/contracts';
import { assertNever } from '../shared';

export interface TenantState {
  readonly exists: boolean;
  readonly name: string;
  readonly members: Readonly<Record<string, TenantRole>>;
}

export const initialTenantState = (): TenantState => ({ exists: false, name: '', members: {} });

export function evolveTenant(state: TenantState, event: TenantEvent): TenantState {
  switch (event.type) {
    case 'tenant.created':
      return { exists: true, name: event.data.name, members: { [event.data.ownerUserId]: 'owner' } };
    case 'tenant.renamed':
      return { ...state, name: event.data.name };
    case 'tenant.member_added':
      return { ...state, members: { ...state.members, [event.data.userId]: event.data.role } };
    case 'tenant.member_removed': {
      const { [event.data.userId]: _removed, ...members } = state.members;
      return { ...state, members };
    }
    default:
      return assertNever(event);
  }
}
