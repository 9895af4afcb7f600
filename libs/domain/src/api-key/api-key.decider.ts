import type { ApiKeyEvent } from '@ragstream/contracts';
import { assertNever, conflict, invalid, notFound, pick, requireFutureExpiry, type Decider } from '../shared';
import type { ApiKeyCommand, CreateApiKey } from './api-key.commands';
import { evolveApiKey, initialApiKeyState, type ApiKeyState } from './api-key.state';

function requireValidKey({ data, metadata }: CreateApiKey): void {
  if (data.scopes.length === 0) throw invalid('APIKEY.NO_SCOPES', 'an API key needs at least one scope');
  if (new Set(data.scopes).size !== data.scopes.length) throw invalid('APIKEY.DUPLICATE_SCOPE', 'scopes must be unique');
  if (data.expiresAt !== null) requireFutureExpiry(data.expiresAt, metadata.now, 'APIKEY.EXPIRY_IN_PAST');
}

function decide(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'CreateApiKey': {
      if (state.status !== 'none') throw conflict('APIKEY.EXISTS', 'the API key already exists');
      requireValidKey(command);
      const fields = ['name', 'scopes', 'workspaceId', 'expiresAt', 'prefix', 'secretHash', 'createdBy'] as const;
      return [{ type: 'apikey.created', data: { ...pick(command.data, fields), scopes: [...command.data.scopes] } }];
    }
    case 'RevokeApiKey':
      if (state.status === 'none') throw notFound('APIKEY.NOT_FOUND', 'no such API key');
      if (state.status === 'revoked') throw conflict('APIKEY.REVOKED', 'the API key is already revoked');
      return [{ type: 'apikey.revoked', data: { reason: command.data.reason ?? null } }];
    default:
      return assertNever(command);
  }
}

/** A long-lived credential for machines, scoped to a workspace or the whole tenant. */
export const apiKeyDecider: Decider<ApiKeyState, ApiKeyCommand, ApiKeyEvent> = {
  aggregateType: 'apikey',
  initialState: initialApiKeyState,
  decide,
  evolve: evolveApiKey,
};
