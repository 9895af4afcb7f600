import { FakeOpenAiServer } from '@ragstream/llm';
import { eventually } from '@ragstream/testing';
import { ChatWorld } from './chat.world';
import { postSseAndLeave } from './sse-client';

const PUMPS = 'Why do centrifugal pumps cavitate?';
const CITED = 'Centrifugal pumps cavitate when the inlet pressure drops below the vapour pressure [1]. Some say otherwise [7].';

describe('chat with an OpenAI-compatible model in front of the extractive answerer', () => {
  let fake: FakeOpenAiServer;
  let world: ChatWorld;
  const health = async () => ((await fetch(`${world.platform.chatUrl}/healthz`).then((r) => r.json())) as any).providers.find((p: { provider: string }) => p.provider === 'fake');
  const chatRequests = () => fake.requestsTo('/v1/chat/completions');

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    world = await ChatWorld.start({
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'fake-chat',
      LLM_PROVIDER_NAME: 'fake',
      LLM_API_KEY: 'sk-test',
      LLM_MAX_RETRIES: '1',
      LLM_BACKOFF_INITIAL_MS: '10',
      LLM_BREAKER_THRESHOLD: '2',
      LLM_BREAKER_HALF_OPEN_MS: '300',
      LLM_PRICES: JSON.stringify({ 'fake/fake-chat': { inputPerMTok: 1000, outputPerMTok: 2000 } }),
      CHAT_TOOLS_ENABLED: 'false',
    });
  }, 120_000);
  afterEach(() => {
    fake.heal();
    fake.replyText = undefined;
    fake.streamIntervalMs = 0;
    fake.cutStreamAfterChunks = undefined;
  });
  afterAll(async () => {
    await world?.close();
    await fake?.close();
  });

  it('streams the model’s tokens and resolves its [n] citations to retrieved chunks, dropping markers that name none', async () => {
    fake.replyText = CITED;
    const streamed = await world.askStream(await world.conversation(), PUMPS);
    const sources = streamed.events[0].data.sources;
    expect(sources.find((s: { id: number }) => s.id === 1).documentId).toBe(world.documents.pumps);
    expect(sources.some((s: { id: number }) => s.id === 7)).toBe(false);
    const tokens = streamed.events.filter((e) => e.event === 'token').map((e) => e.data.text);
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.join('')).toBe(CITED);
    const done = streamed.events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data).toMatchObject({ provider: 'fake', model: 'fake-chat', finishReason: 'stop' });
    expect(done.data.content).toBe('Centrifugal pumps cavitate when the inlet pressure drops below the vapour pressure [1]. Some say otherwise.');
    expect(done.data.citations).toEqual([expect.objectContaining({ sourceId: 1, documentId: world.documents.pumps, quote: expect.stringContaining('inlet pressure') })]);
    // The fake reports 5 prompt and 3 completion tokens; 1000 and 2000 dollars per million tokens.
    expect(done.data.usage).toEqual({ promptTokens: 5, completionTokens: 3, totalTokens: 8, estimated: false });
    expect(done.data.costMicroUsd).toBe(11_000);

    const request = chatRequests().at(-1)!;
    expect(request.headers.authorization).toBe('Bearer sk-test');
    const messages = request.body.messages as { role: string; content: string }[];
    expect(messages[0].role).toBe('system');
    expect(messages[0].content).toContain('[1] Pump maintenance');
    expect(messages.at(-1)).toEqual({ role: 'user', content: PUMPS });
  });

  it('takes the history of the conversation into the prompt', async () => {
    const id = await world.conversation();
    fake.replyText = 'Because the inlet pressure drops [1].';
    await world.ask(id, PUMPS);
    fake.replyText = 'Every 500 operating hours [1].';
    await world.ask(id, 'And how often should I inspect it?');
    const messages = chatRequests().at(-1)!.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[1].content).toBe(PUMPS);
    expect(messages[2].content).toContain('inlet pressure');
  });

  it('sends `reset` when the model fails mid-answer and lets the extractive answerer answer from the start', async () => {
    fake.replyText = 'Pumps cavitate because of many reasons that this answer will never finish explaining';
    fake.cutStreamAfterChunks = 4;
    const streamed = await world.askStream(await world.conversation(), PUMPS);
    const names = streamed.events.map((e) => e.event);
    const reset = names.indexOf('reset');
    expect(reset).toBeGreaterThan(1);
    expect(names.slice(1, reset)).toContain('token');
    const done = streamed.events.at(-1)!.data;
    expect(done.provider).toBe('extractive');
    expect(streamed.events.slice(reset + 1).filter((e) => e.event === 'token').map((e) => e.data.text).join('')).toBe(done.content);
    expect(done.attempts.map((a: { provider: string; outcome: string }) => [a.provider, a.outcome])).toEqual([['fake', 'failed'], ['extractive', 'answered']]);
  });

  it('honours 429 with Retry-After and still answers with the model', async () => {
    fake.replyText = CITED;
    const before = chatRequests().length;
    fake.failNext(1, { status: 429, headers: { 'retry-after': '1' } });
    const answer = (await world.ask(await world.conversation(), PUMPS)).body;
    expect(answer.provider).toBe('fake');
    const [refused, retried] = chatRequests().slice(before);
    expect(retried).toBeDefined();
    expect(retried.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(1000);
  });

  it('opens the breaker after failures and falls back to the extractive answerer, then half-opens and closes once the model is back', async () => {
    fake.failAlways({ status: 503 });
    const failed = (await world.ask(await world.conversation(), PUMPS)).body;
    expect(failed.provider).toBe('extractive');
    expect(failed.content).toMatch(/cavitate/);
    expect(failed.attempts.map((a: { provider: string; outcome: string }) => [a.provider, a.outcome])).toEqual([['fake', 'failed'], ['extractive', 'answered']]);
    expect((await health()).state).toBe('open');
    const ready = await fetch(`${world.platform.chatUrl}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await fetch(`${world.platform.chatUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain('ragstream_chat_breaker_state{provider="fake",model="fake-chat"} 2');
    expect(metrics).toMatch(/ragstream_chat_fallbacks_total\{from="fake",to="extractive"\} [1-9]/);

    // While open the model is not even asked.
    const seen = chatRequests().length;
    const skipped = (await world.ask(await world.conversation(), PUMPS)).body;
    expect(skipped.attempts[0]).toMatchObject({ provider: 'fake', outcome: 'skipped' });
    expect(chatRequests().length).toBe(seen);

    fake.heal();
    fake.replyText = CITED;
    await eventually(async () => ((await health()).state === 'half-open' ? true : undefined), 10_000, 'the breaker to half-open');
    const recovered = (await world.ask(await world.conversation(), PUMPS)).body;
    expect(recovered.provider).toBe('fake');
    expect((await health()).state).toBe('closed');
  });

  it('cancels the model call when the client disconnects and records the partial answer as cancelled', async () => {
    fake.replyText = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    fake.streamIntervalMs = 50;
    const id = await world.conversation();
    const path = `/v1/conversations/${id}/messages`;
    const seen = await postSseAndLeave(`${world.platform.chatUrl}${path}`, { content: PUMPS }, world.headers(world.owner()), (events) => events.filter((e) => e.event === 'token').length >= 2);
    expect(seen.some((e) => e.event === 'done')).toBe(false);
    await fake.whenDisconnected(1, 10_000);

    const cancelled = await eventually(async () => {
      const read = await world.platform.call('GET', `/v1/conversations/${id}`, { token: world.acme.token });
      return read.body.messages?.find((m: { role: string }) => m.role === 'assistant');
    }, 10_000, 'the cancelled answer');
    expect(cancelled.finishReason).toBe('cancelled');
    expect(cancelled.content.length).toBeGreaterThan(0);
    expect(fake.replyText.startsWith(cancelled.content)).toBe(true);
    expect(cancelled.content.length).toBeLessThan(fake.replyText.length);
  });
});
