import { contentRefsOf } from './content-refs';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('contentRefsOf', () => {
  it('finds object-store references by shape at any depth', () =>
    expect([...contentRefsOf({ source: { content: { sha256: A, size: 3 } }, parts: [{ contentSha256: B }] })].sort()).toEqual([A, B]));
  it('ignores hashes that are not references', () =>
    expect([...contentRefsOf({ emailHash: A, secretHash: B, sha256: 'short', root: A })]).toEqual([]));
});
