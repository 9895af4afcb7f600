import type { ApiKeyScope } from '@ragstream/contracts';
import type { DomainCommand } from '../shared';

/** The handler has authorised the creator against the workspace or tenant; the key's secret never gets here. */
export type CreateApiKey = DomainCommand<
  'CreateApiKey',
  {
    name: string;
    scopes: ApiKeyScope[];
    workspaceId: string | null;
    expiresAt: string | null;
    prefix: string;
    secretHash: string;
    createdBy: string;
  }
>;
export type RevokeApiKey = DomainCommand<'RevokeApiKey', { reason?: string }>;

export type ApiKeyCommand = CreateApiKey | RevokeApiKey;
