import { CommandContext, uuidFrom } from './command-context';

const actor = { type: 'user' as const, id: 'u1' };

describe('CommandContext', () => {
  it('derives the same ids and commit ids from the same Idempotency-Key', () => {
    const a = new CommandContext('t1', actor, 'create-workspace', 'key-12345678');
    const b = new CommandContext('t1', actor, 'create-workspace', 'key-12345678');
    expect(a.id('workspace')).toBe(b.id('workspace'));
    expect(a.commit('workspace').commitId).toBe(b.commit('workspace').commitId);
    expect(a.id('workspace')).not.toBe(a.id('user'));
  });

  it('scopes a key to tenant, actor and operation', () => {
    const base = new CommandContext('t1', actor, 'op', 'key-12345678').id('x');
    expect(new CommandContext('t2', actor, 'op', 'key-12345678').id('x')).not.toBe(base);
    expect(new CommandContext('t1', { type: 'user', id: 'u2' }, 'op', 'key-12345678').id('x')).not.toBe(base);
    expect(new CommandContext('t1', actor, 'other', 'key-12345678').id('x')).not.toBe(base);
  });

  it('makes fresh ids without a key', () => {
    expect(new CommandContext('t1', actor, 'op').id('x')).not.toBe(new CommandContext('t1', actor, 'op').id('x'));
  });

  it('refuses a malformed key with the header as field path', () => {
    expect(() => new CommandContext('t1', actor, 'op', 'bad key!')).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID' }));
  });

  it('formats name-based ids as RFC 9562 version 5 uuids', () => {
    expect(uuidFrom('anything')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
