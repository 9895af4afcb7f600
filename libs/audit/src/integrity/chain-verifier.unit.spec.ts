import { commitHash } from '@ragstream/event-store';
import { body, chain, message, subjects } from '../../test/commit-bodies';
import { ChainVerifier } from './chain-verifier';
import { checkpointRoot } from './checkpoint-root';

const feed = (messages: { seq: number; subject: string; data: Uint8Array }[]) => {
  const verifier = new ChainVerifier(subjects);
  for (const m of messages) {
    const problem = verifier.accept(m);
    if (problem) return { verifier, problem };
  }
  return { verifier, problem: undefined };
};

describe('ChainVerifier', () => {
  it('accepts an intact chain and tracks heads per tenant', () => {
    const a = chain('t1', 'a', 3);
    const { verifier, problem } = feed([...a, ...chain('t2', 'b', 2, 4)]);
    expect(problem).toBeUndefined();
    expect(verifier.headsOf('t1')).toEqual([{ aggregateType: 'counter', aggregateId: 'a', version: 3, hash: a[2].body.hash, chained: true }]);
    expect(verifier.commitsOf('t2')).toBe(2);
  });

  it('finds an edited body by its hash', () => {
    const a = chain('t1', 'a', 3);
    const edited = message(2, { ...a[1].body, events: [{ type: 'counter.incremented', version: 1, data: { by: 99 } }] });
    expect(feed([a[0], edited, a[2]]).problem).toMatchObject({ position: 2, kind: 'hash-mismatch', found: a[1].body.hash });
  });

  it('finds an edited body whose hash was recomputed by the next link', () => {
    const a = chain('t1', 'a', 3);
    const forged = { ...a[1].body, events: [{ type: 'counter.incremented', version: 1, data: { by: 99 } }] };
    const rehashed = message(2, { ...forged, hash: commitHash(forged) });
    expect(feed([a[0], rehashed, a[2]]).problem).toMatchObject({ position: 3, kind: 'prev-hash-mismatch', expected: commitHash(forged), found: a[2].body.prevHash });
  });

  it('finds a removed commit by the version gap', () => {
    const a = chain('t1', 'a', 3);
    expect(feed([a[0], a[2]]).problem).toMatchObject({ position: 3, kind: 'version-gap', expected: 1, found: 2 });
  });

  it('finds a missing first commit', () => expect(feed(chain('t1', 'a', 2).slice(1)).problem).toMatchObject({ kind: 'version-gap', expected: 0 }));

  it('finds a commit moved to another subject', () => {
    const [first] = chain('t1', 'a', 1);
    expect(feed([{ ...first, subject: 'evt.t2.counter.a' }]).problem).toMatchObject({ kind: 'subject-mismatch' });
  });

  it('accepts legacy commits, counts them, and chains the first hashed commit to their content', () => {
    const legacy = body('t1', 'a', 1, null);
    const next = body('t1', 'a', 2, commitHash(legacy));
    const { verifier, problem } = feed([message(1, legacy), message(2, next)]);
    expect(problem).toBeUndefined();
    expect(verifier.legacyCommits).toBe(1);
  });

  it('refuses a commit without hash after chained ones: stripping hashes is tampering too', () => {
    const a = chain('t1', 'a', 1);
    const stripped = body('t1', 'a', 2, null);
    expect(feed([a[0], message(2, stripped)]).problem).toMatchObject({ position: 2, kind: 'hash-missing' });
  });

  it('reports a body that is not a commit', () =>
    expect(feed([{ seq: 1, subject: 'evt.t1.counter.a', data: new TextEncoder().encode('{') }]).problem).toMatchObject({ kind: 'undecodable' }));
});

describe('checkpointRoot', () => {
  const heads = [
    { aggregateType: 'counter', aggregateId: 'a', version: 2, hash: 'a'.repeat(64) },
    { aggregateType: 'counter', aggregateId: 'b', version: 1, hash: 'b'.repeat(64) },
  ];
  it('does not depend on the order of heads', () => expect(checkpointRoot([...heads].reverse())).toBe(checkpointRoot(heads)));
  it('changes when a head moves back', () => expect(checkpointRoot([{ ...heads[0], version: 1 }, heads[1]])).not.toBe(checkpointRoot(heads)));
});
