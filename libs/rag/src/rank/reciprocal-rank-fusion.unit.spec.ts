import { reciprocalRankFusion } from './reciprocal-rank-fusion';

const list = (...ids: string[]) => ids.map((id, i) => ({ id, rank: i + 1 }));

describe('reciprocalRankFusion', () => {
  it('sums 1 / (k + rank) over the lists', () => {
    const fused = reciprocalRankFusion([list('a', 'b', 'c'), list('c', 'a')]);
    expect(fused.map((h) => h.id)).toEqual(['a', 'c', 'b']);
    expect(fused[0].score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[1].score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[2].score).toBeCloseTo(1 / 62, 12);
    expect(fused.map((h) => h.ranks)).toEqual([
      [1, 2],
      [3, 1],
      [2, undefined],
    ]);
  });

  it('applies k and per-list weights', () => {
    const fused = reciprocalRankFusion([list('a'), list('b')], { k: 10, weights: [1, 0.5] });
    expect(fused.map((h) => [h.id, h.score])).toEqual([
      ['a', 1 / 11],
      ['b', 0.5 / 11],
    ]);
  });

  it('counts an id listed twice once, at its best rank', () => {
    const [hit] = reciprocalRankFusion([[{ id: 'a', rank: 3 }, { id: 'a', rank: 1 }]]);
    expect(hit).toEqual({ id: 'a', score: 1 / 61, ranks: [1] });
  });

  it('breaks ties by best rank, then id', () => {
    // With k = 0 every id scores exactly 1: b and x were ranked first somewhere, a only second.
    const fused = reciprocalRankFusion([list('b', 'a'), list('x', 'a')], { k: 0 });
    expect(fused.map((h) => [h.id, h.score])).toEqual([
      ['b', 1],
      ['x', 1],
      ['a', 1],
    ]);
    const ties = reciprocalRankFusion([list('d'), list('c')]);
    expect(ties.map((h) => h.id)).toEqual(['c', 'd']);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
