import { ProviderHttpError, ProviderNetworkError, ProviderUnavailableError } from '../provider.errors';
import { FakeOpenAiServer } from '../testing';
import type { ChatDelta } from './chat-completion.types';
import { OpenAiCompatibleClient } from './openai-client';

const fast = { initialBackoffMs: 5, maxBackoffMs: 20, timeoutMs: 2000, maxRetries: 2 };
const request = { model: 'tiny-chat', messages: [{ role: 'user' as const, content: 'hello there friend' }], maxTokens: 32, temperature: 0.2 };

async function collect(stream: AsyncIterable<ChatDelta>): Promise<ChatDelta[]> {
  const out: ChatDelta[] = [];
  for await (const delta of stream) out.push(delta);
  return out;
}

describe('OpenAiCompatibleClient against a local OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => (server = await FakeOpenAiServer.start()));
  afterEach(() => server.close());

  const client = (options: Partial<ConstructorParameters<typeof OpenAiCompatibleClient>[0]> = {}) =>
    new OpenAiCompatibleClient({ baseUrl: server.baseUrl, provider: 'fake', resilience: fast, ...options });

  it('sends a chat completion with the bearer key, extra headers and snake_case fields', async () => {
    const answer = await client({ apiKey: 'sk-test', headers: { 'x-tenant': 't1' } }).chatCompletion(request);
    expect(answer).toEqual({ id: 'cmpl-1', model: 'tiny-chat', content: 'echo: hello there friend', finishReason: 'stop', usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 } });
    const [seen] = server.requestsTo('/v1/chat/completions');
    expect(seen.headers).toMatchObject({ authorization: 'Bearer sk-test', 'x-tenant': 't1', 'content-type': 'application/json' });
    expect(seen.body).toEqual({ model: 'tiny-chat', messages: request.messages, max_tokens: 32, temperature: 0.2, stream: false });
  });

  it('sends no Authorization header without a key (Ollama)', async () => {
    await client().chatCompletion(request);
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('streams deltas from SSE chunks split mid-line, up to [DONE], with the usage chunk when asked', async () => {
    const deltas = await collect(await client().streamChatCompletion({ ...request, includeUsage: true }));
    expect(deltas.map((d) => d.content).join('')).toBe('echo: hello there friend');
    expect(deltas.find((d) => d.finishReason)?.finishReason).toBe('stop');
    expect(deltas.at(-1)?.usage).toEqual({ promptTokens: 5, completionTokens: 3, totalTokens: 8 });
    expect(server.requests[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(server.requests[0].headers.accept).toBe('text/event-stream');
  });

  it('retries establishing a stream after a 429 with Retry-After, then streams', async () => {
    server.failNext(1, { status: 429, headers: { 'retry-after': '0' } });
    const deltas = await collect(await client().streamChatCompletion(request));
    expect(deltas.map((d) => d.content).join('')).toBe('echo: hello there friend');
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces a connection cut mid-stream after the deltas already read, without retrying', async () => {
    server.cutStreamAfterChunks = 2;
    const received: string[] = [];
    const failure = (async () => {
      for await (const delta of await client().streamChatCompletion(request)) received.push(delta.content);
    })();
    await expect(failure).rejects.toBeInstanceOf(ProviderNetworkError);
    expect(received.join('')).toBe('echo: ');
    expect(server.requests).toHaveLength(1);
  });

  it('stops reading and closes the stream when the caller aborts', async () => {
    const caller = new AbortController();
    const stream = await client().streamChatCompletion(request, caller.signal);
    const received: string[] = [];
    const reading = (async () => {
      for await (const delta of stream) {
        received.push(delta.content);
        if (received.length === 2) caller.abort(new Error('client left'));
      }
    })();
    await expect(reading).rejects.toThrow('client left');
    expect(received).toHaveLength(2);
  });

  it('maps a 400 to ProviderHttpError with the body excerpt, after a single request', async () => {
    server.failNext(1, { status: 400 });
    const error = await client().chatCompletion(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error).toMatchObject({ status: 400, bodyExcerpt: expect.stringContaining('fake failure 400') });
    expect(server.requests).toHaveLength(1);
  });

  it('opens the breaker on repeated 500s; later calls fail fast without reaching the server', async () => {
    server.failAlways({ status: 500 });
    const c = client({ resilience: { ...fast, maxRetries: 1, breakerThreshold: 3, halfOpenAfterMs: 60_000 } });
    await expect(c.chatCompletion(request)).rejects.toMatchObject({ reason: 'server-error' });
    await expect(c.chatCompletion(request)).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(server.requests).toHaveLength(3);
    expect(c.guard.state).toBe('open');

    const refused = await c.streamChatCompletion(request).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderUnavailableError);
    expect(refused).toMatchObject({ provider: 'fake', reason: 'circuit-open', retryAfterMs: expect.any(Number) });
    expect(server.requests).toHaveLength(3);
  });

  it('reports an unreachable server as unavailable after its retries', async () => {
    const url = server.baseUrl;
    await server.close();
    const error = await new OpenAiCompatibleClient({ baseUrl: url, resilience: fast }).chatCompletion(request).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'unreachable' });
    expect((error as Error).cause).toBeInstanceOf(ProviderNetworkError);
    server = await FakeOpenAiServer.start();
  });
});
