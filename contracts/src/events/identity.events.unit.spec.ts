import { EventSchemaError } from './event-registry';
import { identityEventRegistry, identityEvents, type IdentityEvent } from './identity.events';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sealed = 'pii:v1:c2VhbGVk';
const hash = 'ab'.repeat(32);
const at = '2030-01-01T12:00:00.000Z';
const apiKey = { name: 'CI', workspaceId: null, expiresAt: null, prefix: 'rsk_1', secretHash: hash, createdBy: uuid(1) };

/** A valid and an invalid payload per event type; the record type makes a new event without samples a compile error. */
const samples: { [T in IdentityEvent['type']]: { valid: Extract<IdentityEvent, { type: T }>['data']; invalid: unknown } } = {
  'email.reserved': { valid: { userId: uuid(1), tenantId: uuid(2) }, invalid: { userId: 'alice', tenantId: uuid(2) } },
  'email.released': { valid: { userId: uuid(1) }, invalid: {} },
  'user.registered': {
    valid: { emailHash: hash, email: sealed, name: sealed, passwordHash: sealed },
    invalid: { emailHash: hash, email: 'ada@example.com', name: sealed, passwordHash: sealed },
  },
  'user.invited': {
    valid: { emailHash: hash, email: sealed, name: sealed, inviteTokenHash: hash, invitedBy: uuid(3), expiresAt: at },
    invalid: { emailHash: hash, email: sealed, name: 'Ada', inviteTokenHash: hash, invitedBy: uuid(3), expiresAt: at },
  },
  'user.invitation_accepted': { valid: { passwordHash: sealed }, invalid: { passwordHash: '$argon2id$v=19$...' } },
  'user.password_changed': { valid: { passwordHash: sealed }, invalid: { passwordHash: '' } },
  'user.profile_updated': { valid: { name: sealed }, invalid: { name: 'Ada Lovelace' } },
  'user.forgotten': { valid: { reason: 'user_request' }, invalid: { reason: 'Ada asked by phone' } },
  'tenant.created': { valid: { name: 'Acme', ownerUserId: uuid(1) }, invalid: { name: '', ownerUserId: uuid(1) } },
  'tenant.renamed': { valid: { name: 'Acme Ltd' }, invalid: { name: 'x'.repeat(201) } },
  'tenant.member_added': { valid: { userId: uuid(1), role: 'admin' }, invalid: { userId: uuid(1), role: 'owner' } },
  'tenant.member_removed': { valid: { userId: uuid(1) }, invalid: { userId: 42 } },
  'workspace.created': { valid: { name: 'Research', ownerUserId: uuid(1) }, invalid: { name: 'Research' } },
  'workspace.renamed': { valid: { name: 'Lab' }, invalid: { name: '' } },
  'workspace.archived': { valid: {}, invalid: null },
  'workspace.member_added': { valid: { userId: uuid(1), role: 'reader' }, invalid: { userId: uuid(1), role: 'viewer' } },
  'workspace.member_role_changed': {
    valid: { userId: uuid(1), role: 'owner', previousRole: 'admin' },
    invalid: { userId: uuid(1), role: 'owner' },
  },
  'workspace.member_removed': { valid: { userId: uuid(1) }, invalid: { userId: 'not-a-uuid' } },
  'apikey.created': {
    valid: { ...apiKey, scopes: ['read'] },
    invalid: { ...apiKey, scopes: ['read', 'read'] },
  },
  'apikey.revoked': { valid: { reason: null }, invalid: { reason: '' } },
  'session.started': {
    valid: { userId: uuid(1), tokenId: uuid(2), expiresAt: at },
    invalid: { userId: uuid(1), tokenId: uuid(2), expiresAt: 'tomorrow' },
  },
  'session.refreshed': {
    valid: { previousTokenId: uuid(2), tokenId: uuid(3), expiresAt: at },
    invalid: { previousTokenId: uuid(2), tokenId: uuid(3) },
  },
  'session.reuse_detected': { valid: { tokenId: uuid(2) }, invalid: { tokenId: null } },
  'session.revoked': { valid: { reason: 'user_forgotten' }, invalid: { reason: 'expired' } },
};

describe('identity event contracts', () => {
  const registry = identityEventRegistry();

  // Bump an entry when a type gains a schema version (and add its upcaster test below).
  const laterVersions: Record<string, number> = { 'session.revoked': 2 };

  it('registers every identity event once, at its known latest version', () => {
    expect(registry.types().sort()).toEqual(Object.keys(samples).sort());
    expect(identityEvents.map((d) => [d.type, d.latestVersion])).toEqual(identityEvents.map((d) => [d.type, laterVersions[d.type] ?? 1]));
  });

  it.each(identityEvents.map((d) => d.type))('%s round-trips a valid sample', (type) => {
    const stored = registry.forWrite(type, samples[type].valid);
    expect(stored).toEqual({ type, version: laterVersions[type] ?? 1, data: samples[type].valid });
    const fromWire = JSON.parse(JSON.stringify(stored.data));
    expect(registry.forRead(stored.type, stored.version, fromWire)).toEqual({ type, data: samples[type].valid });
  });

  it.each(identityEvents.map((d) => d.type))('%s refuses an invalid sample', (type) => {
    expect(() => registry.forWrite(type, samples[type].invalid)).toThrow(EventSchemaError);
  });

  it('reads a v1 session.revoked as v2 unchanged, and keeps v1 closed to the new reason', () => {
    expect(registry.forRead('session.revoked', 1, { reason: 'logout' })).toEqual({ type: 'session.revoked', data: { reason: 'logout' } });
    expect(() => registry.forRead('session.revoked', 1, { reason: 'user_forgotten' })).toThrow(EventSchemaError);
  });
});
