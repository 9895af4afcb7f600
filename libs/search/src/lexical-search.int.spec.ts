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
    ['A', ['quick', 'fox', 'quick'], [WS_A]],
    ['A and B', ['quick', 'fox', 'quick'], [WS_A, WS_B]],
    ['A and B', ['dog', 'sleeps', 'missing'], [WS_A, WS_B]],
  ])('equals the formula over workspaces %s for query %j (statistics summed, repeats counted)', async (_, terms, workspaceIds) => {
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

  it('prunes exactly: top-k equals brute-force BM25 on random Zipf queries, filtered or not, through every branch', async () => {
    const tenantId = randomUUID();
    const workspaceId = randomUUID();
    const random = mulberry32(7);
    const zipfTerm = () => `w${Math.floor(Math.exp(random() * Math.log(1500)))}`;
    const texts = Array.from({ length: 400 }, () => Array.from({ length: 5 + Math.floor(random() * 25) }, zipfTerm).join(' '));
    await indexChunks(s.sql, s.t, texts.map((text, i) => chunk(text, { tenantId, workspaceId, documentId: `z${i}`, tags: i % 3 ? [] : ['third'] })));
    const docs = texts.map((text, i) => ({ id: `z${i}`, ...analyse(text) }));
    const avgdl = docs.reduce((sum, d) => sum + d.length, 0) / docs.length;
    const df = (term: string) => docs.filter((d) => d.terms.has(term)).length;
    const weight = (term: string, query: string[]) => query.filter((x) => x === term).length * Math.log(1 + (docs.length - df(term) + 0.5) / (df(term) + 0.5));
    const bm25 = (d: (typeof docs)[number], query: string[]) =>
      [...new Set(query)].reduce((sum, term) => {
        const tf = d.terms.get(term) ?? 0;
        return sum + (tf ? (weight(term, query) * tf * 1.9) / (tf + 0.9 * (0.6 + (0.4 * d.length) / avgdl)) : 0);
      }, 0);
    const branches = { allEssential: 0, probed: 0, scanned: 0, exhaustive: 0 };
    for (let q = 0; q < 60; q++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 5) }, zipfTerm);
      const k = [1, 5, 10][q % 3]!;
      const expected = docs.map((d) => bm25(d, query)).filter((x) => x > 0).sort((x, y) => y - x).slice(0, k);
      const hits = await search({ tenantId, workspaceIds: [workspaceId], terms: query, k });
      expect(hits.map((h) => h.score)).toHaveLength(expected.length);
      hits.forEach((h, i) => {
        expect(h.score).toBeCloseTo(expected[i]!, 9);
        expect(h.score).toBeCloseTo(bm25(docs.find((d) => d.id === h.documentId)!, query), 9);
      });
      branches[routeOf(query, docs, weight, bm25, k)]++;
      // Filters narrow the candidates, never the statistics.
      const third = docs.filter((_, i) => i % 3 === 0).map((d) => bm25(d, query)).filter((x) => x > 0).sort((x, y) => y - x).slice(0, k);
      const filtered = await search({ tenantId, workspaceIds: [workspaceId], terms: query, k, filters: { tags: { all: ['third'] } } });
      expect(filtered.map((h) => h.score)).toHaveLength(third.length);
      filtered.forEach((h, i) => expect(h.score).toBeCloseTo(third[i]!, 9));
    }
    for (const count of Object.values(branches)) expect(count).toBeGreaterThanOrEqual(3);
  });
});

/** The statement's route, replayed in JS (see lexicalSearchStatement), to show the test reaches every one. */
function routeOf<D extends { terms: Map<string, number> }>(query: string[], docs: D[], weight: (t: string, q: string[]) => number, bm25: (d: D, q: string[]) => number, k: number) {
  const terms = [...new Set(query)].filter((t) => docs.some((d) => d.terms.has(t))).sort((x, y) => weight(x, query) - weight(y, query) || (x < y ? -1 : 1));
  const top = Math.max(...terms.map((t) => weight(t, query)));
  let prefix = 0;
  const rest: string[] = [];
  for (const t of terms) {
    prefix += weight(t, query) * 1.9;
    if (prefix >= top) break;
    rest.push(t);
  }
  const essential = query.filter((t) => !rest.includes(t));
  const candidates = docs.map((d, i) => ({ d, i, score: bm25(d, essential) })).filter((c) => c.score > 0);
  const leaders = [...candidates].sort((x, y) => y.score - x.score || x.i - y.i).slice(0, 4 * k);
  const theta = leaders.map((c) => bm25(c.d, query)).sort((x, y) => y - x)[k - 1] ?? 0;
  const restBound = 1.9 * rest.reduce((sum, t) => sum + weight(t, query), 0);
  if (theta <= restBound) return 'exhaustive';
  if (!rest.length) return 'allEssential';
  const pool = candidates.filter((c) => c.score >= theta - restBound).length;
  const restPostings = rest.reduce((sum, t) => sum + docs.filter((d) => d.terms.has(t)).length, 0);
  return pool * rest.length * 30 < restPostings ? 'probed' : 'scanned';
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
