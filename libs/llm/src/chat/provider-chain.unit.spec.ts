import { ProviderTimeoutError, ProviderUnavailableError } from '../provider.errors';
import type { ChatEvent, ChatProvider, ChatTurnRequest } from './chat-provider.types';
import { ProviderChain } from './provider-chain';
import { ChainUnavailableError } from './provider-chain.errors';

interface Script {
  /** stream() rejects with this. */
  readonly refuse?: Error;
  readonly events?: readonly ChatEvent[];
  /** Thrown after the events (before `done` when the events hold none). */
  readonly failWith?: Error;
  readonly circuit?: 'closed' | 'open' | 'half-open';
  readonly supportsTools?: boolean;
}

/** An in-memory provider that plays its script and records the requests it got and whether its stream was closed. */
function provider(name: string, script: Script) {
  const requests: ChatTurnRequest[] = [];
  let closed = false;
  const p: ChatProvider = {
    name,
    model: `${name}-model`,
    supportsTools: script.supportsTools ?? true,
    circuit: script.circuit ? () => script.circuit ?? 'closed' : undefined,
    async stream(request) {
      requests.push(request);
      if (script.refuse) throw script.refuse;
      return (async function* () {
        try {
          for (const event of script.events ?? []) yield event;
          if (script.failWith) throw script.failWith;
        } finally {
          closed = true;
        }
      })();
    },
  };
  return Object.assign(p, { requests, closed: () => closed });
}

const answer = (text: string): ChatEvent[] => [{ type: 'token', text }, { type: 'done', finishReason: 'stop' }];
const request: ChatTurnRequest = {
  messages: [{ role: 'user', content: 'q' }],
  question: 'q',
  sources: [],
  tools: [{ name: 'search_knowledge', description: 'search', parameters: {} }],
};

async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('ProviderChain', () => {
  it('answers with the first provider and records it', async () => {
    const first = provider('a', { events: answer('hi') });
    const second = provider('b', { events: answer('unused') });
    const run = await new ProviderChain([first, second]).run(request);
    expect(await collect(run.events)).toEqual(answer('hi'));
    expect(run).toMatchObject({ provider: 'a', model: 'a-model' });
    expect(run.attempts).toEqual([{ provider: 'a', model: 'a-model', outcome: 'answered', ms: expect.any(Number) }]);
    expect(second.requests).toHaveLength(0);
  });

  it('skips a provider whose breaker is open without calling it', async () => {
    const open = provider('a', { circuit: 'open', events: answer('unused') });
    const run = await new ProviderChain([open, provider('b', { events: answer('from b') })]).run(request);
    expect(await collect(run.events)).toEqual(answer('from b'));
    expect(open.requests).toHaveLength(0);
    expect(run.attempts.map((a) => [a.provider, a.outcome, a.reason])).toEqual([
      ['a', 'skipped', 'circuit open'],
      ['b', 'answered', undefined],
    ]);
  });

  it('falls through on a refused start and on a failure before the first event, without a reset', async () => {
    const refusing = provider('a', { refuse: new ProviderUnavailableError('a', 'server-error') });
    const silent = provider('b', { failWith: new ProviderTimeoutError('b', 100) });
    const run = await new ProviderChain([refusing, silent, provider('c', { events: answer('from c') })]).run(request);
    expect(run.provider).toBe('c');
    expect(await collect(run.events)).toEqual(answer('from c'));
    expect(run.attempts.map((a) => [a.provider, a.outcome, a.reason])).toEqual([
      ['a', 'failed', 'a unavailable: server-error'],
      ['b', 'failed', 'b did not answer within 100 ms'],
      ['c', 'answered', undefined],
    ]);
  });

  it('records a breaker refusal met at call time as skipped', async () => {
    const refused = provider('a', { refuse: new ProviderUnavailableError('a', 'circuit-open', 500) });
    const run = await new ProviderChain([refused, provider('b', { events: answer('b') })]).run(request);
    await collect(run.events);
    expect(run.attempts[0]).toMatchObject({ provider: 'a', outcome: 'skipped' });
  });

  it('after a failure mid-answer sends reset and lets the next provider answer from the start', async () => {
    const breaking = provider('a', { events: [{ type: 'token', text: 'half an ans' }], failWith: new Error('connection reset') });
    const run = await new ProviderChain([breaking, provider('b', { events: answer('whole answer') })]).run(request);
    expect(run.provider).toBe('a');
    expect(await collect(run.events)).toEqual([
      { type: 'token', text: 'half an ans' },
      { type: 'reset', reason: 'a failed mid-answer: connection reset' },
      ...answer('whole answer'),
    ]);
    expect(run.provider).toBe('b');
    expect(run.attempts.map((a) => [a.provider, a.outcome])).toEqual([
      ['a', 'failed'],
      ['b', 'answered'],
    ]);
  });

  it('passes tools only to providers that support them', async () => {
    const plain = provider('a', { supportsTools: false, refuse: new Error('down') });
    const capable = provider('b', { events: answer('b') });
    await collect((await new ProviderChain([plain, capable]).run(request)).events);
    expect(plain.requests[0]).not.toHaveProperty('tools');
    expect(plain.requests[0].messages).toBe(request.messages);
    expect(capable.requests[0].tools).toEqual(request.tools);
  });

  it('throws a ChainUnavailableError naming every attempt when nobody answers', async () => {
    const chain = new ProviderChain([
      provider('a', { circuit: 'open' }),
      provider('b', { refuse: new ProviderUnavailableError('b', 'rate-limited', 2000) }),
      provider('c', { events: [] }),
    ]);
    const error = await chain.run(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainUnavailableError);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ChainUnavailableError).attempts.map((a) => a.outcome)).toEqual(['skipped', 'failed', 'failed']);
    expect((error as Error).message).toBe(
      'no chat provider answered: a skipped (circuit open); b failed (b unavailable: rate-limited (retry after 2000 ms)); c failed (the stream ended without an answer)',
    );
    expect(error).toMatchObject({ retryAfterMs: 2000 });
  });

  it('ends the events with ChainUnavailableError when the providers after a reset fail too', async () => {
    const chain = new ProviderChain([
      provider('a', { events: [{ type: 'token', text: 'x' }], failWith: new Error('cut') }),
      provider('b', { refuse: new Error('down') }),
    ]);
    const run = await chain.run(request);
    const seen: ChatEvent[] = [];
    const failure = (async () => {
      for await (const event of run.events) seen.push(event);
    })();
    await expect(failure).rejects.toBeInstanceOf(ChainUnavailableError);
    expect(seen.map((e) => e.type)).toEqual(['token', 'reset']);
    expect(run.attempts.map((a) => a.outcome)).toEqual(['failed', 'failed']);
  });

  it('does not fall through when the caller aborted, and closes the stream of a consumer that stops early', async () => {
    const caller = new AbortController();
    caller.abort(new Error('client left'));
    const aborted = provider('a', { refuse: new Error('aborted') });
    const next = provider('b', { events: answer('unused') });
    await expect(new ProviderChain([aborted, next]).run(request, caller.signal)).rejects.toThrow('client left');
    expect(next.requests).toHaveLength(0);

    const long = provider('c', { events: [{ type: 'token', text: 'a' }, { type: 'token', text: 'b' }, { type: 'done', finishReason: 'stop' }] });
    const run = await new ProviderChain([long]).run(request);
    for await (const event of run.events) if (event.type === 'token') break;
    expect(long.closed()).toBe(true);
    expect(run.attempts).toEqual([expect.objectContaining({ provider: 'c', outcome: 'failed', reason: 'cancelled' })]);
  });
});
