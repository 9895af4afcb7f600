import { ProviderHttpError, ProviderResponseError, ProviderTimeoutError, ProviderUnavailableError } from '../provider.errors';
import { FakeOpenAiServer, fakeWords } from '../testing';
import type { ChatEvent, ChatTurnRequest } from './chat-provider.types';
import { type OpenAiChatProviderConfig, OpenAiChatProvider } from './openai-chat.provider';

const fast = { initialBackoffMs: 5, maxBackoffMs: 20, timeoutMs: 5000, maxRetries: 0, breakerThreshold: 2, halfOpenAfterMs: 60_000 };
const tool = { name: 'search_knowledge', description: 'Search the knowledge base', parameters: { type: 'object', properties: { query: { type: 'string' } } } };
const request: ChatTurnRequest = { messages: [{ role: 'user', content: 'hello there friend' }], question: 'hello there friend', sources: [], tools: [tool] };

async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const text = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');

describe('OpenAiChatProvider against a local OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => (server = await FakeOpenAiServer.start()));
  afterEach(() => server.close());

  const provider = (config: Partial<OpenAiChatProviderConfig> = {}) =>
    new OpenAiChatProvider({ name: 'fake', baseUrl: server.baseUrl, model: 'tiny-chat', resilience: fast, maxTokens: 64, ...config });

  it('streams tokens, then done with the reported usage; asks for usage and offers the tools', async () => {
    const events = await collect(await provider().stream(request));
    expect(text(events)).toBe('echo: hello there friend');
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop', usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 } });
    expect(server.requests[0].body).toMatchObject({
      model: 'tiny-chat',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 64,
      tools: [{ type: 'function', function: tool }],
    });
  });

  it('assembles a tool call streamed in pieces and parses its arguments', async () => {
    server.script({ text: 'Let me look. ', toolCalls: [{ id: 'call_7', name: 'search_knowledge', arguments: { query: 'fox habitat', k: 3 } }] });
    const events = await collect(await provider().stream(request));
    expect(events).toEqual([
      { type: 'token', text: 'Let ' },
      { type: 'token', text: 'me ' },
      { type: 'token', text: 'look. ' },
      { type: 'tool_call', call: { id: 'call_7', name: 'search_knowledge', arguments: { query: 'fox habitat', k: 3 } } },
      { type: 'done', finishReason: 'tool_calls', usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 } },
    ]);
  });

  it('fails clearly when tool call arguments are not JSON', async () => {
    server.script({ toolCalls: [{ name: 'search_knowledge', arguments: '{"query": "fox' }] });
    const failure = collect(await provider().stream(request));
    await expect(failure).rejects.toBeInstanceOf(ProviderResponseError);
    await expect(failure).rejects.toThrow(/arguments of tool call search_knowledge are not a JSON object/);
  });

  it('times out a server that accepts but never streams, and opens the breaker after repeated stalls', async () => {
    server.hangAlways();
    const p = provider({ firstTokenTimeoutMs: 100 });
    for (let i = 0; i < 2; i++) {
      const error = await p.stream(request).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'timeout' });
      expect((error as Error).cause).toBeInstanceOf(ProviderTimeoutError);
    }
    expect(p.circuit()).toBe('open');
    await server.whenDisconnected(2);
    const refused = await p.stream(request).catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: 'circuit-open' });
    expect(server.requests).toHaveLength(2);
  });

  it('does not take a role-only chunk for a first token', async () => {
    server.script({ text: 'never sent', stallAfterChunks: 1 });
    const error = await provider({ firstTokenTimeoutMs: 100, idleTimeoutMs: 60_000 }).stream(request).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect((error as Error).cause).toMatchObject({ timeoutMs: 100 });
  });

  it('fails a stream that goes silent mid-answer with ProviderTimeoutError and counts it in the breaker', async () => {
    server.script({ text: 'one two three', stallAfterChunks: 2 });
    const p = provider({ idleTimeoutMs: 100, resilience: { ...fast, breakerThreshold: 1 } });
    const seen: ChatEvent[] = [];
    const reading = (async () => {
      for await (const event of await p.stream(request)) seen.push(event);
    })();
    await expect(reading).rejects.toBeInstanceOf(ProviderTimeoutError);
    expect(seen).toEqual([{ type: 'token', text: 'one ' }]);
    expect(p.circuit()).toBe('open');
    await server.whenDisconnected(1);
  });

  it('cancels the model call when the caller aborts mid-answer: the server sees the connection close', async () => {
    server.streamIntervalMs = 20;
    server.replyText = fakeWords(200);
    const caller = new AbortController();
    const p = provider();
    const events = await p.stream(request, caller.signal);
    const reading = (async () => {
      for await (const event of events) if (event.type === 'token') caller.abort(new Error('client left'));
    })();
    await expect(reading).rejects.toThrow('client left');
    await server.whenDisconnected(1);
    expect(p.circuit()).toBe('closed');
  });

  it('cancels a call still waiting for its first token when the caller aborts, without blaming the provider', async () => {
    server.hangNext(1);
    const caller = new AbortController();
    server.onRequest = () => setImmediate(() => caller.abort(new Error('client left')));
    const p = provider({ resilience: { ...fast, breakerThreshold: 1 } });
    await expect(p.stream(request, caller.signal)).rejects.toThrow('client left');
    await server.whenDisconnected(1);
    expect(p.circuit()).toBe('closed');
  });

  it('sends no tools and yields no tool calls when the provider is configured without tools', async () => {
    server.script({ text: 'plain ', toolCalls: [{ name: 'search_knowledge', arguments: {} }] });
    const events = await collect(await provider({ supportsTools: false }).stream(request));
    expect(server.requests[0].body).not.toHaveProperty('tools');
    expect(events.map((e) => e.type)).toEqual(['token', 'done']);
    expect(events.at(-1)).toMatchObject({ finishReason: 'stop' });
  });

  it('retries once without tools when the server refuses them, and remembers it', async () => {
    server.rejectTools = true;
    const warnings: string[] = [];
    const p = provider({ logger: { warn: (_details, message) => warnings.push(message) } });
    expect(text(await collect(await p.stream(request)))).toBe('echo: hello there friend');
    expect(server.requests.map((r) => 'tools' in r.body)).toEqual([true, false]);
    expect(p.supportsTools).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('without tools from now on')]);

    await collect(await p.stream(request));
    expect(server.requests.map((r) => 'tools' in r.body)).toEqual([true, false, false]);
  });

  it('keeps tools when the request is refused with or without them', async () => {
    server.failAlways({ status: 400 });
    const p = provider();
    await expect(p.stream(request)).rejects.toBeInstanceOf(ProviderHttpError);
    expect(server.requests).toHaveLength(2);
    expect(p.supportsTools).toBe(true);
  });

  it('reports an unreachable server as unavailable', async () => {
    const p = provider();
    await server.close();
    await expect(p.stream(request)).rejects.toBeInstanceOf(ProviderUnavailableError);
    server = await FakeOpenAiServer.start();
  });
});
