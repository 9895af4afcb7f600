import { identityEventRegistry, type ApiKeyEvent, type ApiKeyScope } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import { AFTER_NOW, NOW, asUser, hex64, id } from '../testing/identity.fixtures';
import type { ApiKeyCommand } from './api-key.commands';
import { apiKeyDecider } from './api-key.decider';

const CREATOR = id(1);
const WORKSPACE = id(0xb1);
const key = {
  name: 'CI ingest',
  scopes: ['read', 'write'] as ApiKeyScope[],
  workspaceId: WORKSPACE as string | null,
  expiresAt: AFTER_NOW as string | null,
  prefix: 'rsk_3fa9c2',
  secretHash: hex64('f'),
  createdBy: CREATOR,
};

const created = (overrides: Partial<typeof key> = {}): ApiKeyEvent => ({ type: 'apikey.created', data: { ...key, ...overrides } });
const createKey = (overrides: Partial<typeof key> = {}): ApiKeyCommand => ({
  type: 'CreateApiKey',
  data: { ...key, ...overrides },
  metadata: asUser(CREATOR),
});
const revoke = (reason?: string): ApiKeyCommand => ({ type: 'RevokeApiKey', data: reason ? { reason } : {}, metadata: asUser(CREATOR) });

describe('API key decider', () => {
  const given = spec(apiKeyDecider, { registry: identityEventRegistry() }).given;

  describe('CreateApiKey', () => {
    it('creates a workspace key', () =>
      given([]).when(createKey()).then([created()], (state) => expect(state).toMatchObject({ status: 'active', workspaceId: WORKSPACE })));
    it('creates a tenant-wide key that never expires', () =>
      given([]).when(createKey({ workspaceId: null, expiresAt: null })).then([created({ workspaceId: null, expiresAt: null })]));
    it('refuses a key that exists', () => given([created()]).when(createKey()).thenThrows('APIKEY.EXISTS', 'conflict'));
    it('refuses a key without scopes', () => given([]).when(createKey({ scopes: [] })).thenThrows('APIKEY.NO_SCOPES', 'validation'));
    it('refuses repeated scopes', () =>
      given([]).when(createKey({ scopes: ['read', 'read'] })).thenThrows('APIKEY.DUPLICATE_SCOPE', 'validation'));
    it('refuses an expiry in the past', () =>
      given([]).when(createKey({ expiresAt: '2029-12-31T00:00:00.000Z' })).thenThrows('APIKEY.EXPIRY_IN_PAST', 'validation'));
    it('refuses an expiry of exactly now', () =>
      given([]).when(createKey({ expiresAt: NOW.toISOString() })).thenThrows('APIKEY.EXPIRY_IN_PAST', 'validation'));
  });

  describe('RevokeApiKey', () => {
    it('revokes with a reason', () =>
      given([created()]).when(revoke('leaked in a log')).then([{ type: 'apikey.revoked', data: { reason: 'leaked in a log' } }], (state) =>
        expect(state.status).toBe('revoked'),
      ));
    it('revokes without a reason', () => given([created()]).when(revoke()).then([{ type: 'apikey.revoked', data: { reason: null } }]));
    it('refuses a key already revoked', () =>
      given([created(), { type: 'apikey.revoked', data: { reason: null } }]).when(revoke()).thenThrows('APIKEY.REVOKED', 'conflict'));
    it('refuses a key that does not exist', () => given([]).when(revoke()).thenThrows('APIKEY.NOT_FOUND', 'not-found'));
  });
});
