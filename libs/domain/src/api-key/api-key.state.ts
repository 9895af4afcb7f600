import type { ApiKeyEvent, ApiKeyScope } from '@ragstream/contracts';
import { assertNever } from '../shared';

/** What a handler needs to authorise a revocation: the key's workspace (null: tenant-wide) and creator. */
export interface ApiKeyState {
  readonly status: 'none' | 'active' | 'revoked';
  readonly workspaceId: string | null;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt: string | null;
  readonly createdBy: string | null;
}

export const initialApiKeyState = (): ApiKeyState => ({ status: 'none', workspaceId: null, scopes: [], expiresAt: null, createdBy: null });

export function evolveApiKey(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'apikey.created': {
      const { workspaceId, scopes, expiresAt, createdBy } = event.data;
      return { status: 'active', workspaceId, scopes, expiresAt, createdBy };
    }
    case 'apikey.revoked':
      return { ...state, status: 'revoked' };
    default:
      return assertNever(event);
  }
}
