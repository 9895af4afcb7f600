import type { Commit } from '@ragstream/event-store';
import { CommitSelector } from './commit-selector';

const WS = '00000000-0000-4000-8000-000000000001';
const commit = (position: number, over: Partial<Commit['envelope']> = {}, events: { type: string; data: unknown }[] = [{ type: 'x.happened', data: {} }]): Commit => {
  const envelope = {
    commitId: `c${position}`, tenantId: 't1', aggregateType: 'document', aggregateId: 'd1', expectedVersion: 0, version: events.length,
    occurredAt: new Date(Date.UTC(2030, 0, 1, 0, 0, position)).toISOString(), actor: { type: 'user' as const, id: 'u1' }, correlationId: 'k', causationId: null,
    events: events.map((e) => ({ ...e, version: 1 })), ...over,
  };
  return { position, subject: `evt.${envelope.tenantId}.${envelope.aggregateType}.${envelope.aggregateId}`, envelope, events, headers: {}, hash: 'h' };
};

describe('CommitSelector', () => {
  it('selects by actor and actor type', () => {
    const selector = new CommitSelector({ actorId: 'u2', actorType: 'user' });
    expect(selector.select(commit(1))).toEqual([]);
    expect(selector.select(commit(2, { actor: { type: 'user', id: 'u2' } }))).toEqual([0]);
    expect(selector.select(commit(3, { actor: { type: 'apikey', id: 'u2' } }))).toEqual([]);
  });

  it('selects the events of the named types and families only', () => {
    const events = [{ type: 'user.registered', data: {} }, { type: 'session.started', data: {} }, { type: 'user.forgotten', data: {} }];
    expect(new CommitSelector({ eventTypes: ['user.*'] }).select(commit(1, {}, events))).toEqual([0, 2]);
    expect(new CommitSelector({ eventTypes: ['session.started'] }).select(commit(1, {}, events))).toEqual([1]);
  });

  it('selects by occurredAt and position, both bounds inclusive', () => {
    const selector = new CommitSelector({ fromTime: new Date(Date.UTC(2030, 0, 1, 0, 0, 2)), toTime: new Date(Date.UTC(2030, 0, 1, 0, 0, 3)), toPosition: 3 });
    expect([1, 2, 3, 4].map((p) => selector.select(commit(p)).length)).toEqual([0, 1, 1, 0]);
  });

  it('keeps an aggregate in its workspace once an event named it', () => {
    const selector = new CommitSelector({ workspaceId: WS });
    expect(selector.select(commit(1, {}, [{ type: 'document.ingested', data: { workspaceId: WS } }]))).toEqual([0]);
    expect(selector.select(commit(2, {}, [{ type: 'document.deleted', data: {} }]))).toEqual([0]);
    expect(selector.select(commit(3, { aggregateId: 'd2' }, [{ type: 'document.deleted', data: {} }]))).toEqual([]);
    expect(selector.select(commit(4, { aggregateId: 'd3' }, [{ type: 'document.moved', data: { fromWorkspaceId: 'x', toWorkspaceId: WS } }]))).toEqual([0]);
    expect(selector.select(commit(5, { aggregateType: 'workspace', aggregateId: WS }))).toEqual([0]);
  });

  it('knows when store time is past the range, with the clock slack', () => {
    const selector = new CommitSelector({ toTime: new Date(Date.UTC(2030, 0, 1)) });
    expect(selector.pastEnd(new Date(Date.UTC(2030, 0, 1, 0, 0, 59)))).toBe(false);
    expect(selector.pastEnd(new Date(Date.UTC(2030, 0, 1, 0, 1, 1)))).toBe(true);
  });
});
