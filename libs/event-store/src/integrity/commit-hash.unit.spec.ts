import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, commitHash, linkHash } from './commit-hash';

const body = {
  commitId: 'c1',
  tenantId: 't1',
  aggregateType: 'counter',
  aggregateId: 'a1',
  expectedVersion: 0,
  version: 1,
  occurredAt: '2030-01-01T00:00:00.000Z',
  actor: { type: 'user', id: 'u1' },
  correlationId: 'k1',
  causationId: null,
  events: [{ type: 'counter.opened', version: 1, data: { name: 'n', tags: ['b', 'a'] } }],
  prevHash: GENESIS_HASH,
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and keeps array order', () =>
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}'));
  it('drops undefined members and writes dates as JSON does', () =>
    expect(canonicalJson({ a: undefined, d: new Date('2030-01-01T00:00:00Z'), l: [undefined] })).toBe('{"d":"2030-01-01T00:00:00.000Z","l":[null]}'));
  it('refuses numbers JSON cannot carry', () => expect(() => canonicalJson({ n: Number.NaN })).toThrow());
});

describe('commit hash', () => {
  const hash = commitHash(body);

  it('is the same whatever the key order, and survives a JSON round trip', () => {
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(commitHash(reordered)).toBe(hash);
    expect(commitHash(JSON.parse(JSON.stringify({ ...body, hash })))).toBe(hash);
  });

  it('changes with any field, the previous link included', () => {
    expect(commitHash({ ...body, version: 2 })).not.toBe(hash);
    expect(commitHash({ ...body, prevHash: 'f'.repeat(64) })).not.toBe(hash);
    expect(commitHash({ ...body, events: [{ ...body.events[0], data: { name: 'm', tags: ['b', 'a'] } }] })).not.toBe(hash);
    expect(commitHash({ ...body, extra: true })).not.toBe(hash);
  });

  it('links to the stored hash, or to the content hash of a legacy commit', () => {
    expect(linkHash({ ...body, hash: 'a'.repeat(64) })).toBe('a'.repeat(64));
    const { prevHash: _p, ...legacy } = body;
    expect(linkHash(legacy)).toBe(commitHash(legacy));
  });
});
