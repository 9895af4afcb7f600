import { searchChunks } from './search.query';
import type { SearchRequest } from './search-query.types';

// Validation happens before any SQL: a handle that throws proves nothing was sent.
const db = { query: () => Promise.reject(new Error('no SQL expected')) };
const request: SearchRequest = { tenantId: 't', workspaceIds: ['w'], terms: ['x'], embedding: new Float32Array(4), k: 10, mode: 'hybrid' };

describe('searchChunks request validation', () => {
  it.each<[string, Partial<SearchRequest>]>([
    ['k of 0', { k: 0 }],
    ['k over 100', { k: 101 }],
    ['fractional k', { k: 2.5 }],
    ['no workspace', { workspaceIds: [] }],
    ['candidates below k', { candidates: 5 }],
    ['negative rrfK', { rrfK: -1 }],
    ['unknown mode', { mode: 'fuzzy' as never }],
  ])('refuses %s', async (_, change) => {
    await expect(searchChunks(db, undefined, { ...request, ...change })).rejects.toMatchObject({ code: 'SEARCH.INVALID_REQUEST', category: 'validation' });
  });

  it('refuses table names that are not plain identifiers before touching the database', async () => {
    await expect(searchChunks(db, { chunks: 'x; DROP TABLE y' }, request)).rejects.toThrow(/plain identifier/);
  });
});
