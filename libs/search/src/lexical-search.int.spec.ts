import { randomUUID } from 'node:crypto';
import { indexChunks } from './search-index.writer';
import { searchChunks } from './search.query';
import { analyse, chunk, unit } from './testing/chunk.fixtures';
import { createSearchTestDb, type SearchTestDb } from './testing/search-test-db';
import type { SearchOptions, SearchRequest } from './search-query.types';

const TENANT = randomUUID();
const WS_A = randomUUID();
const WS_B = randomUUID();
const CORPUS: Record<string, [workspace: string, text: string]> = {
  a1: [WS_A, 'the quick brown fox'],
  a2: [WS_A, 'quick quick fox jumps over'],
  a3: [WS_A, 'lazy dog sleeps'],
  b1: [WS_B, 'quick dog'],
};

/** Okapi BM25 straight from the definition, over the chunks of `workspaces`. */
function expectedScores(workspaces: string[], query: string[], k1 = 0.9, b = 0.4): [string, number][] {
  const docs = Object.entries(CORPUS).filter(([, [ws]]) => workspaces.includes(ws)).map(([id, [, text]]) => ({ id, ...analyse(text) }));
  const avgdl = docs.reduce((sum, d) => sum + d.length, 0) / docs.length;
  const scores = docs.map((d) => {
    let score = 0;
    for (const term of query) {
      const tf = d.terms.get(term) ?? 0;
      if (!tf) continue;
      const df = docs.filter((o) => o.terms.has(term)).length;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / avgdl));
    }
    return [d.id, score] as [string, number];
  });
  return scores.filter(([, score]) => score > 0).sort((x, y) => y[1] - x[1]);
}

describe('lexical search: BM25 in SQL (real Postgres)', () => {
  let s: SearchTestDb;
  const search = async (request: Partial<SearchRequest>, options?: SearchOptions) => {
    const base = { tenantId: TENANT, workspaceIds: [WS_A], terms: [], embedding: unit([1, 0, 0, 0]), k: 10, mode: 'lexical' as const };
    const { hits } = await searchChunks(s.db.dataSource, s.tables, { ...base, ...request }, options);
    return hits;
  };
  const scored = (hits: { documentId: string; score: number }[]) => hits.map((h) => [h.documentId, h.score] as [string, number]);

  beforeAll(async () => {
    s = await createSearchTestDb(4);
    await indexChunks(s.sql, s.t, Object.entries(CORPUS).map(([id, [workspaceId, text]]) => chunk(text, { tenantId: TENANT, workspaceId, documentId: id })));
  });
  afterAll(() => s.dispose());

  it('scores one term as the formula does by hand: idf = ln(1.6) and a chunk of average length scores idf', async () => {
    // N = 3, df(fox) = 2, avgdl = 12 / 3 = 4; a1 has length 4 and tf 1, so its saturation term is exactly 1.
    const hits = await search({ terms: ['fox'] });
    expect(hits.map((h) => h.documentId)).toEqual(['a1', 'a2']);
    expect(hits[0]!.score).toBeCloseTo(Math.log(1.6), 12);
    expect(hits[1]!.score).toBeCloseTo(Math.log(1.6) * (1.9 / (1 + 0.9 * (0.6 + 0.4 * 1.25))), 12);
    expect(hits[0]!.lexical).toEqual({ score: hits[0]!.score, rank: 1 });
  });

  it.each([
    ['A', [WS_A], ['quick', 'fox', 'quick']],
    ['A and B', [WS_A, WS_B], ['quick', 'fox', 'quick']],
    ['A and B', [WS_A, WS_B], ['dog', 'sleeps', 'missing']],
  ])('equals the formula over workspaces %s for query %j (statistics summed, repeats counted)', async (_, workspaceIds, terms) => {
    const hits = await search({ workspaceIds, terms });
    const expected = expectedScores(workspaceIds, terms);
    expect(hits.map((h) => h.documentId)).toEqual(expected.map(([id]) => id));
    scored(hits).forEach(([, score], i) => expect(score).toBeCloseTo(expected[i]![1], 12));
  });

  it('takes k1 and b as options', async () => {
    const hits = await search({ workspaceIds: [WS_A, WS_B], terms: ['quick', 'dog'] }, { k1: 1.2, b: 0.75 });
    const expected = expectedScores([WS_A, WS_B], ['quick', 'dog'], 1.2, 0.75);
    scored(hits).forEach(([id, score], i) => {
      expect(id).toBe(expected[i]![0]);
      expect(score).toBeCloseTo(expected[i]![1], 12);
    });
  });

  it('returns nothing for unknown terms, no terms, or workspaces without chunks', async () => {
    expect(await search({ terms: ['nothing'] })).toEqual([]);
    expect(await search({ terms: [] })).toEqual([]);
    expect(await search({ terms: ['quick'], workspaceIds: [randomUUID()] })).toEqual([]);
  });

  it('ranks within the filtered set, so a narrow filter still returns k hits', async () => {
    const tenantId = randomUUID();
    const workspaceId = randomUUID();
    // 60 strong matches elsewhere would fill any unfiltered candidate list before the filtered document shows up.
    const strong = Array.from({ length: 60 }, (_, i) => chunk('needle needle needle', { tenantId, workspaceId, documentId: `strong${i}` }));
    const weak = ['needle hay hay hay', 'needle hay hay hay hay', 'hay'].map((text, chunkIndex) => chunk(text, { tenantId, workspaceId, documentId: 'weak', chunkIndex }));
    await indexChunks(s.sql, s.t, [...strong, ...weak]);
    const hits = await search({ tenantId, workspaceIds: [workspaceId], terms: ['needle'], k: 2, filters: { documentIds: ['weak'] } });
    expect(hits.map((h) => [h.documentId, h.chunkIndex])).toEqual([['weak', 0], ['weak', 1]]);
  });
});
