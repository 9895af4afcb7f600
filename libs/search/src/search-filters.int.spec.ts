import { randomUUID } from 'node:crypto';
import { indexChunks } from './search-index.writer';
import { searchChunks } from './search.query';
import { chunk, unit } from './testing/chunk.fixtures';
import { createSearchTestDb, type SearchTestDb } from './testing/search-test-db';
import type { ChunkToIndex } from './search-index.types';
import type { SearchFilters, SearchMode } from './search-query.types';

const TENANT = randomUUID();
const OTHER_TENANT = randomUUID();
const WS = randomUUID();
const WS_2 = randomUUID();
const OTHER_WS = randomUUID();
const MODES: SearchMode[] = ['lexical', 'vector', 'hybrid'];

const DOCS: Partial<ChunkToIndex>[] = [
  { documentId: 'A', tags: ['red', 'blue'], metadata: { lang: 'en', year: 2020, draft: false }, sourceType: 'upload', format: 'application/pdf', documentDate: '2024-01-10T00:00:00Z' },
  { documentId: 'B', tags: ['red'], metadata: { lang: 'de', year: 2021 }, sourceType: 'url', format: 'text/html', documentDate: '2024-03-01T00:00:00Z' },
  { documentId: 'C', tags: ['green'], metadata: { lang: 'en', year: 2021, draft: true }, sourceType: 'text', format: 'text/plain', documentDate: '2024-06-01T00:00:00Z' },
];

describe('search filters and isolation (real Postgres)', () => {
  let s: SearchTestDb;
  const found = async (mode: SearchMode, filters?: SearchFilters, tenantId = TENANT, workspaceIds = [WS]) => {
    const request = { tenantId, workspaceIds, terms: ['shared'], embedding: unit([1, 0, 0, 0]), k: 50, mode, filters };
    const { hits } = await searchChunks(s.db.dataSource, s.tables, request);
    return hits.map((h) => h.documentId).sort();
  };

  beforeAll(async () => {
    s = await createSearchTestDb(4);
    const chunks = DOCS.flatMap((fields, i) => [
      chunk(`shared words ${i}`, { tenantId: TENANT, workspaceId: WS, documentId: fields.documentId!, ...fields, embedding: unit([1, i, 0, 0]) }),
      // The other tenant holds the very same documents, ids included.
      chunk(`shared words ${i}`, { tenantId: OTHER_TENANT, workspaceId: OTHER_WS, documentId: fields.documentId!, ...fields, embedding: unit([1, i, 0, 0]) }),
    ]);
    chunks.push(chunk('shared elsewhere', { tenantId: TENANT, workspaceId: WS_2, documentId: 'D' }));
    await indexChunks(s.sql, s.t, chunks);
  });
  afterAll(() => s.dispose());

  it.each<[string, SearchFilters, string[]]>([
    ['no filter', {}, ['A', 'B', 'C']],
    ['tags all', { tags: { all: ['red', 'blue'] } }, ['A']],
    ['tags any', { tags: { any: ['blue', 'green'] } }, ['A', 'C']],
    ['tags any of nothing', { tags: { any: [] } }, []],
    ['metadata string', { metadata: { lang: 'en' } }, ['A', 'C']],
    ['metadata number', { metadata: { year: 2021 } }, ['B', 'C']],
    ['metadata boolean', { metadata: { draft: false } }, ['A']],
    ['metadata several keys', { metadata: { lang: 'en', year: 2021 } }, ['C']],
    ['document ids', { documentIds: ['B', 'nope'] }, ['B']],
    ['source types', { sourceTypes: ['url', 'text'] }, ['B', 'C']],
    ['formats', { formats: ['application/pdf'] }, ['A']],
    ['from', { from: '2024-02-01T00:00:00Z' }, ['B', 'C']],
    ['to (inclusive)', { to: '2024-03-01T00:00:00Z' }, ['A', 'B']],
    ['from and to', { from: '2024-02-01', to: '2024-05-01' }, ['B']],
    ['tags and source type', { tags: { any: ['red'] }, sourceTypes: ['upload'] }, ['A']],
  ])('%s narrows every mode alike', async (_, filters, expected) => {
    for (const mode of MODES) expect([mode, await found(mode, filters)]).toEqual([mode, expected]);
  });

  it('never returns another tenant’s chunks, even when its workspace id is passed', async () => {
    for (const mode of MODES) {
      expect(await found(mode, undefined, TENANT, [WS, OTHER_WS])).toEqual(['A', 'B', 'C']);
      expect(await found(mode, { documentIds: ['A'] }, TENANT, [OTHER_WS])).toEqual([]);
      expect(await found(mode, undefined, OTHER_TENANT, [OTHER_WS])).toEqual(['A', 'B', 'C']);
    }
    const { hits } = await searchChunks(s.db.dataSource, s.tables, { tenantId: TENANT, workspaceIds: [WS, OTHER_WS], terms: ['shared'], embedding: unit([1, 0, 0, 0]), k: 50, mode: 'hybrid' });
    expect(new Set(hits.map((h) => h.workspaceId))).toEqual(new Set([WS]));
  });

  it('keeps the other tenant’s statistics out of BM25', async () => {
    const scores = async (workspaceIds: string[]) =>
      (await searchChunks(s.db.dataSource, s.tables, { tenantId: TENANT, workspaceIds, terms: ['shared', 'words'], embedding: unit([1, 0, 0, 0]), k: 10, mode: 'lexical' })).hits.map((h) => h.score);
    expect(await scores([WS, OTHER_WS])).toEqual(await scores([WS]));
  });

  it('searches only the named workspaces of the tenant', async () => {
    for (const mode of MODES) {
      expect(await found(mode, undefined, TENANT, [WS_2])).toEqual(['D']);
      expect(await found(mode, undefined, TENANT, [WS, WS_2])).toEqual(['A', 'B', 'C', 'D']);
    }
  });

  it('refuses metadata keys and values that are not plain, and dates that are not dates', async () => {
    await expect(found('lexical', { metadata: { "lang') OR true --": 'x' } })).rejects.toMatchObject({ code: 'SEARCH.INVALID_FILTER' });
    await expect(found('vector', { metadata: { lang: { $ne: 'x' } as unknown as string } })).rejects.toMatchObject({ code: 'SEARCH.INVALID_FILTER' });
    await expect(found('hybrid', { from: 'yesterday' })).rejects.toMatchObject({ code: 'SEARCH.INVALID_FILTER' });
  });

  it('treats crafted filter values as values', async () => {
    for (const mode of MODES) {
      expect(await found(mode, { documentIds: ["A' OR '1'='1"], tags: { any: ["red'); DROP TABLE x; --"] } })).toEqual([]);
    }
  });
});
