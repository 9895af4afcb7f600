import { authorityOf, hasScope, onBehalfOf, type Principal } from './principal';

const user: Principal = { kind: 'user', tenantId: 't', userId: 'u', sessionId: 's', tenantRole: 'member' };
const key = (scopes: ('read' | 'write' | 'admin')[], workspaceId: string | null = null): Principal => ({
  kind: 'apikey',
  tenantId: 't',
  keyId: 'k',
  scopes,
  workspaceId,
  createdBy: 'creator',
});

describe('principal', () => {
  it('nests scopes: admin includes write includes read', () => {
    expect(hasScope(key(['read']), 'read')).toBe(true);
    expect(hasScope(key(['read']), 'write')).toBe(false);
    expect(hasScope(key(['write']), 'read')).toBe(true);
    expect(hasScope(key(['write']), 'admin')).toBe(false);
    expect(hasScope(key(['admin']), 'write')).toBe(true);
    expect(hasScope(user, 'admin')).toBe(true);
  });

  it('gives a user their tenant role and a key the workspace role of its highest scope', () => {
    expect(authorityOf(user, 'w')).toEqual({ tenantRole: 'member' });
    expect(authorityOf(key(['read', 'write']), 'w')).toEqual({ tenantRole: null, grantedWorkspaceRole: 'editor' });
    expect(authorityOf(key(['admin']), 'w')).toEqual({ tenantRole: 'admin', grantedWorkspaceRole: 'admin' });
  });

  it('grants a workspace-bound key nothing outside its workspace, and no tenant role inside it', () => {
    expect(authorityOf(key(['admin'], 'w1'), 'w2')).toEqual({ tenantRole: null });
    expect(authorityOf(key(['admin'], 'w1'), 'w1')).toEqual({ tenantRole: null, grantedWorkspaceRole: 'admin' });
  });

  it('acts for the user who created a key', () => {
    expect(onBehalfOf(key(['read']))).toBe('creator');
    expect(onBehalfOf(user)).toBe('u');
  });
});
