import { DomainError } from '@ragstream/domain';
import { notCaughtUp, parseCheckpointNotice } from './live-positions';

describe('live positions', () => {
  it('parses a checkpoint notice and ignores anything else', () => {
    const notice = { schema: 's', projection: 'identity', version: 2, generation: 3, position: 41 };
    expect(parseCheckpointNotice(JSON.stringify(notice))).toEqual(notice);
    expect(parseCheckpointNotice(JSON.stringify({ ...notice, generation: undefined }))).toEqual({ ...notice, generation: 1 });
    expect(parseCheckpointNotice(JSON.stringify({ ...notice, position: '41' }))).toBeUndefined();
    expect(parseCheckpointNotice('{')).toBeUndefined();
    expect(parseCheckpointNotice(undefined)).toBeUndefined();
  });

  it('answers a lagging read model with an unavailable domain error', () => {
    const error = notCaughtUp('identity', 12, 250, 9);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'READ_MODEL.NOT_CAUGHT_UP', category: 'unavailable', details: { position: 9 } });
    expect(error.message).toBe('identity has not reached position 12 within 250 ms; retry shortly');
  });
});
