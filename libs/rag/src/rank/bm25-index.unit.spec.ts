import { BM25_B, BM25_K1, bm25Idf } from './bm25';
import { Bm25Index } from './bm25-index';

// Three chunks: d1 {a:2, b:1} (length 3), d2 {a:1, c:3} (length 4), d3 {c:1} (length 1).
// N = 3, avgdl = 8/3, k1 = 0.9, b = 0.4. By hand:
//   idf(df=2) = ln(1 + 1.5/2.5) = ln 1.6 = 0.470004; idf(df=1) = ln(1 + 2.5/1.5) = 0.980829
//   a in d1: 0.470004 * 2 * 1.9 / (2 + 0.9 * (0.6 + 0.4 * 3 / (8/3))) = 0.470004 * 3.8 / 2.945 = 0.606456
//   a in d2: 0.470004 * 1.9 / (1 + 0.9 * (0.6 + 0.6)) = 0.470004 * 1.9 / 2.08 = 0.429330
//   c in d2: 0.470004 * 3 * 1.9 / (3 + 1.08) = 0.656623;  c in d3: 0.470004 * 1.9 / (1 + 0.675) = 0.533138
function index(): Bm25Index {
  const bm25 = new Bm25Index();
  bm25.add('d1', new Map([['a', 2], ['b', 1]]));
  bm25.add('d2', new Map([['a', 1], ['c', 3]]));
  bm25.add('d3', new Map([['c', 1]]));
  return bm25;
}

describe('Bm25Index', () => {
  it('uses the Anserini defaults and Lucene IDF', () => {
    expect([BM25_K1, BM25_B]).toEqual([0.9, 0.4]);
    expect(bm25Idf(3, 2)).toBeCloseTo(Math.log(1.6), 12);
  });

  it('scores as the hand computation', () => {
    const bm25 = index();
    expect(bm25.stats()).toEqual({ documentCount: 3, averageLength: 8 / 3 });
    const hits = bm25.search(['a', 'c']);
    expect(hits.map((h) => [h.id, h.rank])).toEqual([
      ['d2', 1],
      ['d1', 2],
      ['d3', 3],
    ]);
    expect(hits[0].score).toBeCloseTo(0.42933 + 0.656623, 5);
    expect(hits[1].score).toBeCloseTo(0.606456, 5);
    expect(hits[2].score).toBeCloseTo(0.533138, 5);
    expect(bm25.search(['b'])[0].score).toBeCloseTo(0.980829 * 1.9 / (1 + 0.945), 5);
  });

  it('counts a repeated query term per occurrence and ignores unknown terms', () => {
    const bm25 = index();
    expect(bm25.search(['b', 'b', 'zzz'])[0].score).toBeCloseTo(2 * bm25.search(['b'])[0].score, 12);
    expect(bm25.search(['zzz'])).toEqual([]);
    expect(bm25.documentFrequency('c')).toBe(2);
  });

  it('returns at most limit hits', () => {
    expect(index().search(['a', 'c'], 2).map((h) => h.id)).toEqual(['d2', 'd1']);
  });

  it('honours other constants', () => {
    const bm25 = new Bm25Index(1.2, 0.75);
    bm25.add('x', new Map([['t', 1]]));
    bm25.add('y', new Map([['u', 1]]));
    expect(bm25.search(['t'])[0].score).toBeCloseTo(bm25Idf(2, 1), 12);
  });
});
