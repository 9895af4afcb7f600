import { PositionBoard } from './position-board';

describe('PositionBoard', () => {
  let board: PositionBoard;
  beforeEach(() => {
    jest.useFakeTimers();
    board = new PositionBoard();
  });
  afterEach(() => {
    board.close();
    jest.useRealTimers();
  });

  it('answers at once when the position is already reached', async () => {
    board.update('identity', '1.1', 10);
    await expect(board.waitFor('identity', 10, 0)).resolves.toBe(10);
    await expect(board.waitFor('identity', 0, 0)).resolves.toBe(10);
  });

  it('resolves a waiter when the projection gets there, and only that waiter', async () => {
    board.update('identity', '1.1', 3);
    const near = board.waitFor('identity', 5, 1000);
    const far = board.waitFor('identity', 9, 1000);
    board.update('identity', '1.1', 6);
    await expect(near).resolves.toBe(6);
    const farResult = expect(far).rejects.toMatchObject({ code: 'READ_MODEL.NOT_CAUGHT_UP', details: { position: 6 } });
    jest.advanceTimersByTime(1000);
    await farResult;
    expect(jest.getTimerCount()).toBe(0);
  });

  it('never steps back within a build but takes a new build as it is, and tells listeners of the change', () => {
    const changes: string[] = [];
    board.onBuildChange((projection, build) => changes.push(`${projection} ${build}`));
    board.update('identity', '1.1', 8);
    board.update('identity', '1.1', 5); // a slow read trailing a notice
    expect(board.position('identity')).toBe(8);
    board.update('identity', '1.2', 7); // swapped to a rebuilt generation
    expect([board.build('identity'), board.position('identity')]).toEqual(['1.2', 7]);
    expect(changes).toEqual(['identity 1.1', 'identity 1.2']);
  });

  it('keeps projections apart', async () => {
    const waiting = board.waitFor('identity', 2, 1000);
    board.update('catalog', '1.1', 50);
    board.update('identity', '1.1', 2);
    await expect(waiting).resolves.toBe(2);
  });

  it('rejects pending and new waits once closed, leaving no timer behind', async () => {
    const waiting = expect(board.waitFor('identity', 1, 60_000)).rejects.toMatchObject({ category: 'unavailable' });
    board.close();
    await waiting;
    expect(jest.getTimerCount()).toBe(0);
    await expect(board.waitFor('identity', 1, 60_000)).rejects.toMatchObject({ code: 'READ_MODEL.NOT_CAUGHT_UP' });
  });
});
