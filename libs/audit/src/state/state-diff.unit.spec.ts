import { diffStates } from './state-diff';
import { ERASED, revealSealed } from './reveal-sealed';

describe('diffStates', () => {
  const before = { exists: true, name: 'Research', archived: false, members: { u1: 'owner', u2: 'editor' } };
  it('lists changed, added and removed leaves by path', () =>
    expect(diffStates(before, { ...before, name: 'Lab', members: { u1: 'owner', u3: 'reader' } })).toEqual([
      { path: 'members.u2', kind: 'removed', before: 'editor' },
      { path: 'members.u3', kind: 'added', after: 'reader' },
      { path: 'name', kind: 'changed', before: 'Research', after: 'Lab' },
    ]));
  it('is empty for equal states and compares arrays whole', () => {
    expect(diffStates(before, structuredClone(before))).toEqual([]);
    expect(diffStates({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual([{ path: 'tags', kind: 'changed', before: ['a', 'b'], after: ['b', 'a'] }]);
  });
});

describe('revealSealed', () => {
  it('opens sealed strings at any depth and marks those whose key is gone', async () => {
    const open = async (sealed: string) => (sealed === 'pii:v1:ok' ? 'Ada' : null);
    expect(await revealSealed({ name: 'pii:v1:ok', email: 'pii:v1:gone', list: ['pii:v1:ok', 3], plain: 'x' }, open)).toEqual({
      name: 'Ada', email: ERASED, list: ['Ada', 3], plain: 'x',
    });
  });
});
