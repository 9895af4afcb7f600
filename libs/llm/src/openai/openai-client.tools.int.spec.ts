import { FakeOpenAiServer } from '../testing';
import type { ChatDelta } from './chat-completion.types';
import { OpenAiCompatibleClient } from './openai-client';

const tool = { name: 'search_knowledge', description: 'Search', parameters: { type: 'object' } };
const request = { model: 'tiny-chat', messages: [{ role: 'user' as const, content: 'foxes?' }], tools: [tool] };
const call = { id: 'call_1', name: 'search_knowledge', arguments: { query: 'fox habitat' } };

describe('OpenAiCompatibleClient tool calls against a local server', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => (server = await FakeOpenAiServer.start()));
  afterEach(() => server.close());
  const client = () => new OpenAiCompatibleClient({ baseUrl: server.baseUrl, provider: 'fake', resilience: { maxRetries: 0 } });

  it('reads the tool calls of a non-streamed completion', async () => {
    server.script({ toolCalls: [call] });
    const answer = await client().chatCompletion(request);
    expect(answer).toMatchObject({ content: '', finishReason: 'tool_calls', toolCalls: [{ id: 'call_1', name: 'search_knowledge', arguments: '{"query":"fox habitat"}' }] });
    expect(server.requests[0].body).toMatchObject({ tools: [{ type: 'function', function: tool }] });
  });

  it('streams tool call fragments whose arguments concatenate to the JSON text', async () => {
    server.script({ toolCalls: [call] });
    const deltas: ChatDelta[] = [];
    for await (const delta of await client().streamChatCompletion(request)) deltas.push(delta);
    const pieces = deltas.flatMap((d) => d.toolCalls ?? []);
    expect(pieces[0]).toEqual({ index: 0, id: 'call_1', name: 'search_knowledge', arguments: '' });
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => p.arguments).join('')).toBe('{"query":"fox habitat"}');
    expect(deltas.find((d) => d.finishReason)?.finishReason).toBe('tool_calls');
  });
});
