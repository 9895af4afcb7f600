import { isTurnAbandoned, UNANSWERED_TURN_TIMEOUT_MS } from './conversation-turn.policy';

describe('isTurnAbandoned', () => {
  const posted = new Date('2030-01-01T12:00:00.000Z');
  const after = (ms: number) => new Date(posted.getTime() + ms);
  it('keeps a turn of two minutes open', () => expect(isTurnAbandoned(posted, after(UNANSWERED_TURN_TIMEOUT_MS))).toBe(false));
  it('takes a turn past two minutes as failed', () => expect(isTurnAbandoned(posted, after(UNANSWERED_TURN_TIMEOUT_MS + 1))).toBe(true));
});
