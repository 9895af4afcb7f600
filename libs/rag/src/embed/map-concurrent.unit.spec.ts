import { mapConcurrent } from './map-concurrent';

describe('mapConcurrent', () => {
  it('keeps input order with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapConcurrent([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('starts nothing new after a failure and rejects with it', async () => {
    const started: number[] = [];
    const failure = mapConcurrent([0, 1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('batch 1 failed');
      return n;
    });
    await expect(failure).rejects.toThrow('batch 1 failed');
    expect(started).toEqual([0, 1]);
  });
});
