import { randomUUID } from 'node:crypto';
import { indexChunks, moveDocument, removeDocument, replaceDocument, updateDocumentFilters } from './search-index.writer';
import { searchChunks } from './search.query';
import { chunk, unit } from './testing/chunk.fixtures';
import { createSearchTestDb, statsAndRecount, type SearchTestDb } from './testing/search-test-db';
import type { ChunkToIndex } from './search-index.types';
import type { SearchMode } from './search-query.types';

const TENANT = randomUUID();
const WS_A = randomUUID();
const WS_B = randomUUID();
const doc = (documentId: string, texts: string[], fields: Partial<ChunkToIndex> = {}) =>
  texts.map((text, chunkIndex) => chunk(text, { tenantId: TENANT, workspaceId: WS_A, documentId, chunkIndex, ...fields }));

describe('search index writer (real Postgres)', () => {
  let s: SearchTestDb;
  const count = async (table: string, where = 'true') => (await s.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n;
  const expectExactStats = async () => {
    const { stored, recount, orphanPostings } = await statsAndRecount(s.sql, s.t);
    expect(stored).toEqual(recount);
    expect(orphanPostings).toBe(0);
  };
  const documentsFound = async (mode: SearchMode, terms: string[], workspaceIds = [WS_A, WS_B]) => {
    const { hits } = await searchChunks(s.db.dataSource, s.tables, { tenantId: TENANT, workspaceIds, terms, embedding: unit([1, 0, 0, 0]), k: 100, mode });
    return hits.map((h) => `${h.documentId}@${h.documentVersion}#${h.chunkIndex}`).sort();
  };

  beforeAll(async () => {
    s = await createSearchTestDb(4);
  });
  afterAll(() => s.dispose());
  beforeEach(() => s.sql.query(`TRUNCATE ${Object.values(s.tables).join(', ')}`));

  it('indexes chunks with postings and statistics counted by hand', async () => {
    await indexChunks(s.sql, s.t, [...doc('d1', ['alpha beta', 'alpha alpha gamma']), ...doc('d2', ['beta delta epsilon zeta'])], { position: 7 });

    expect(await s.sql.query(`SELECT term, df FROM ${s.t('term_stats')} WHERE workspace_id = $1 ORDER BY term`, [WS_A])).toEqual([
      { term: 'alpha', df: 2 }, { term: 'beta', df: 2 }, { term: 'delta', df: 1 }, { term: 'epsilon', df: 1 }, { term: 'gamma', df: 1 }, { term: 'zeta', df: 1 },
    ]);
    expect(await s.sql.query(`SELECT chunk_count::int, total_length::int FROM ${s.t('corpus_stats')} WHERE workspace_id = $1`, [WS_A])).toEqual([{ chunk_count: 3, total_length: 9 }]);
    expect(await s.sql.query(`SELECT tf, doc_len FROM ${s.t('postings')} WHERE term = 'alpha' ORDER BY tf`)).toEqual([{ tf: 1, doc_len: 2 }, { tf: 2, doc_len: 3 }]);
    expect(await count(s.t('chunks'), 'position = 7')).toBe(3);
    await expectExactStats();
  });

  it('indexing the same chunks twice changes nothing', async () => {
    const chunks = doc('d1', ['alpha beta', 'alpha gamma']);
    await indexChunks(s.sql, s.t, chunks);
    const once = await statsAndRecount(s.sql, s.t);
    await indexChunks(s.sql, s.t, chunks);
    expect(await statsAndRecount(s.sql, s.t)).toEqual(once);
    expect(await count(s.t('chunks'))).toBe(2);
    expect(await count(s.t('postings'))).toBe(4);
  });

  it('a document indexed in several calls of one version keeps every part', async () => {
    const chunks = doc('d1', ['alpha', 'beta', 'gamma']);
    await indexChunks(s.sql, s.t, chunks.slice(0, 2));
    await indexChunks(s.sql, s.t, chunks.slice(2));
    expect(await count(s.t('chunks'))).toBe(3);
    await expectExactStats();
  });

  it('splits a long document into batches without losing chunks or statistics', async () => {
    const texts = Array.from({ length: 1203 }, (_, i) => `common term${i % 50} word${i}`);
    await indexChunks(s.sql, s.t, doc('long', texts));
    expect(await count(s.t('chunks'))).toBe(1203);
    expect(await s.sql.query(`SELECT df FROM ${s.t('term_stats')} WHERE term = 'common'`)).toEqual([{ df: 1203 }]);
    await expectExactStats();
  });

  it.each(['replaceDocument', 'indexChunks of a newer version'])('a revision by %s leaves no stale chunk, posting or statistic', async (how) => {
    await indexChunks(s.sql, s.t, [...doc('d1', ['alpha beta', 'gamma delta', 'unique words']), ...doc('d2', ['alpha'])]);
    const v2 = doc('d1', ['alpha omega'], { documentVersion: 2 });
    if (how === 'replaceDocument') await replaceDocument(s.sql, s.t, { tenantId: TENANT, documentId: 'd1' }, v2);
    else await indexChunks(s.sql, s.t, v2);

    expect(await count(s.t('chunks'), `document_id = 'd1'`)).toBe(1);
    expect(await count(s.t('term_stats'), `term IN ('gamma', 'delta', 'unique', 'words', 'beta')`)).toBe(0);
    expect(await s.sql.query(`SELECT df FROM ${s.t('term_stats')} WHERE term = 'alpha'`)).toEqual([{ df: 2 }]);
    await expectExactStats();
    for (const mode of ['lexical', 'vector', 'hybrid'] as const) {
      expect(await documentsFound(mode, ['alpha', 'gamma', 'omega'])).toEqual(['d1@2#0', 'd2@1#0']);
    }
  });

  it('removes a document exactly, and removing it again (or anything unknown) is a no-op', async () => {
    await indexChunks(s.sql, s.t, [...doc('d1', ['alpha beta', 'beta']), ...doc('d2', ['beta gamma'])]);
    expect(await removeDocument(s.sql, s.t, { tenantId: TENANT, documentId: 'd1' })).toBe(2);
    const after = await statsAndRecount(s.sql, s.t);
    expect(after.stored.terms).toEqual([{ workspace_id: WS_A, term: 'beta', df: 1 }, { workspace_id: WS_A, term: 'gamma', df: 1 }]);
    expect(after.stored).toEqual(after.recount);

    expect(await removeDocument(s.sql, s.t, { tenantId: TENANT, documentId: 'd1' })).toBe(0);
    expect(await removeDocument(s.sql, s.t, { tenantId: TENANT, documentId: 'nope' })).toBe(0);
    expect(await statsAndRecount(s.sql, s.t)).toEqual(after);
    for (const mode of ['lexical', 'vector', 'hybrid'] as const) expect(await documentsFound(mode, ['alpha', 'beta'])).toEqual(['d2@1#0']);

    await removeDocument(s.sql, s.t, { tenantId: TENANT, documentId: 'd2' });
    expect(await count(s.t('term_stats'))).toBe(0);
    expect(await count(s.t('corpus_stats'))).toBe(0);
  });

  it('removes only the named tenant’s document', async () => {
    const other = randomUUID();
    await indexChunks(s.sql, s.t, [...doc('d1', ['alpha']), ...doc('d1', ['alpha'], { tenantId: other, workspaceId: randomUUID() })]);
    await removeDocument(s.sql, s.t, { tenantId: other, documentId: 'd1' });
    expect(await count(s.t('chunks'), `tenant_id = '${TENANT}'`)).toBe(1);
    await expectExactStats();
  });

  it('moves a document with its postings and statistics between workspaces', async () => {
    await indexChunks(s.sql, s.t, [...doc('d1', ['alpha beta', 'alpha']), ...doc('d2', ['alpha gamma']), ...doc('d3', ['delta'], { workspaceId: WS_B })]);
    expect(await moveDocument(s.sql, s.t, { tenantId: TENANT, documentId: 'd1', toWorkspaceId: WS_B, position: 9 })).toBe(2);

    const stats = await statsAndRecount(s.sql, s.t);
    expect(stats.stored).toEqual(stats.recount);
    expect(stats.stored.corpus).toEqual(
      [{ workspace_id: WS_A, tenant_id: TENANT, chunk_count: 1, total_length: 2 }, { workspace_id: WS_B, tenant_id: TENANT, chunk_count: 3, total_length: 4 }]
        .sort((x, y) => (x.workspace_id < y.workspace_id ? -1 : 1)),
    );
    expect(await count(s.t('postings'), `workspace_id = '${WS_B}' AND term = 'alpha'`)).toBe(2);
    expect(await documentsFound('lexical', ['alpha'], [WS_B])).toEqual(['d1@1#0', 'd1@1#1']);
    expect(await moveDocument(s.sql, s.t, { tenantId: TENANT, documentId: 'd1', toWorkspaceId: WS_B })).toBe(0);
    expect(await statsAndRecount(s.sql, s.t)).toEqual(stats);
  });

  it('replaces tags and metadata of one document only', async () => {
    await indexChunks(s.sql, s.t, [...doc('d1', ['a', 'b'], { tags: ['old'], metadata: { lang: 'en' } }), ...doc('d2', ['c'], { tags: ['old'] })]);
    expect(await updateDocumentFilters(s.sql, s.t, { tenantId: TENANT, documentId: 'd1', tags: ['new', 'x'] })).toBe(2);
    await updateDocumentFilters(s.sql, s.t, { tenantId: TENANT, documentId: 'd1', metadata: { lang: 'de', pages: 3 } });
    expect(await s.sql.query(`SELECT document_id, tags, metadata FROM ${s.t('chunks')} ORDER BY document_id, chunk_index`)).toEqual([
      { document_id: 'd1', tags: ['new', 'x'], metadata: { lang: 'de', pages: 3 } },
      { document_id: 'd1', tags: ['new', 'x'], metadata: { lang: 'de', pages: 3 } },
      { document_id: 'd2', tags: ['old'], metadata: {} },
    ]);
  });
});
