import { reciprocalRankFusion } from './rrf.fusion';

const list = (...ids: string[]) => ids.map((id, i) => ({ id, rank: i + 1 }));

describe('reciprocalRankFusion', () => {
  it('sums 1 / (k + rank) over the lists', () => {
    const fused = reciprocalRankFusion([list('a', 'b', 'c'), list('c', 'b', 'd')], { k: 60 });
    expect(fused).toEqual([
      { id: 'c', score: 1 / 63 + 1 / 61, best: 1 },
      { id: 'b', score: 2 / 62, best: 2 },
      { id: 'a', score: 1 / 61, best: 1 },
      { id: 'd', score: 1 / 63, best: 3 },
    ]);
  });

  it('defaults k to 60 and honours another k', () => {
    expect(reciprocalRankFusion([list('a')], {})[0]!.score).toBe(1 / 61);
    expect(reciprocalRankFusion([list('a')], { k: 0 })[0]!.score).toBe(1);
  });

  it('breaks ties by best rank, then by id', () => {
    // a and b both score 1/61 + 1/63; c and d score 1/62 each.
    const fused = reciprocalRankFusion([list('b', 'd', 'a'), list('a', 'c', 'b')], { k: 60 });
    expect(fused.map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fuses nothing to nothing and one list to its own order', () => {
    expect(reciprocalRankFusion([[], []], {})).toEqual([]);
    expect(reciprocalRankFusion([list('x', 'y'), []], {}).map((h) => h.id)).toEqual(['x', 'y']);
  });
});
