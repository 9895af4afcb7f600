import { FakeOpenAiServer } from '../testing';
import type { ChatEvent, ChatProvider, ChatTurnRequest } from './chat-provider.types';
import { type OpenAiChatProviderConfig, OpenAiChatProvider } from './openai-chat.provider';
import { ProviderChain } from './provider-chain';

const request: ChatTurnRequest = { messages: [{ role: 'user', content: 'where do foxes live' }], question: 'where do foxes live', sources: [] };
const resilience = { initialBackoffMs: 5, maxBackoffMs: 20, timeoutMs: 5000, maxRetries: 0, breakerThreshold: 2, halfOpenAfterMs: 300 };

/** Stands in for the built-in extractive answerer that always ends the chain. */
const lastResort: ChatProvider = {
  name: 'extractive',
  model: 'extractive',
  supportsTools: false,
  async stream() {
    return (async function* (): AsyncGenerator<ChatEvent> {
      yield { type: 'token', text: 'from the sources' };
      yield { type: 'done', finishReason: 'stop' };
    })();
  },
};

async function answerOf(chain: ProviderChain) {
  const run = await chain.run(request);
  const events: ChatEvent[] = [];
  for await (const event of run.events) events.push(event);
  const text = events.flatMap((e) => (e.type === 'token' ? [e.text] : e.type === 'reset' ? ['|'] : [])).join('');
  return { text, provider: run.provider, attempts: run.attempts.map((a) => `${a.provider}:${a.outcome}`) };
}

describe('ProviderChain against local OpenAI-compatible servers', () => {
  let primary: FakeOpenAiServer;
  let secondary: FakeOpenAiServer;
  beforeEach(async () => ([primary, secondary] = await Promise.all([FakeOpenAiServer.start(), FakeOpenAiServer.start()])));
  afterEach(() => Promise.all([primary.close(), secondary.close()]));

  const openAi = (name: string, server: FakeOpenAiServer, config: Partial<OpenAiChatProviderConfig> = {}) =>
    new OpenAiChatProvider({ name, baseUrl: server.baseUrl, model: `${name}-model`, resilience, ...config });

  it('falls back while the primary fails, skips it once its breaker opens, then lets one probe through and closes', async () => {
    primary.failAlways({ status: 500 });
    const first = openAi('primary', primary);
    const chain = new ProviderChain([first, openAi('secondary', secondary), lastResort]);

    for (let i = 0; i < 2; i++) expect(await answerOf(chain)).toMatchObject({ provider: 'secondary', attempts: ['primary:failed', 'secondary:answered'] });
    expect(first.circuit()).toBe('open');
    expect(await answerOf(chain)).toMatchObject({ provider: 'secondary', attempts: ['primary:skipped', 'secondary:answered'] });
    expect(primary.requests).toHaveLength(2);

    primary.heal();
    const deadline = Date.now() + 5000;
    let answer = await answerOf(chain);
    while (answer.provider !== 'primary' && Date.now() < deadline) {
      expect(answer.attempts).toEqual(['primary:skipped', 'secondary:answered']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await answerOf(chain);
    }
    expect(answer).toEqual({ text: 'echo: where do foxes live', provider: 'primary', attempts: ['primary:answered'] });
    expect(primary.requests).toHaveLength(3);
    expect(first.circuit()).toBe('closed');
  });

  it('ends with the last resort when every model provider stalls or is down', async () => {
    primary.hangAlways();
    secondary.failAlways({ status: 503 });
    const chain = new ProviderChain([openAi('primary', primary, { firstTokenTimeoutMs: 100 }), openAi('secondary', secondary), lastResort]);
    expect(await answerOf(chain)).toEqual({
      text: 'from the sources',
      provider: 'extractive',
      attempts: ['primary:failed', 'secondary:failed', 'extractive:answered'],
    });
  });

  it('resets and answers with the next provider when the first one goes silent mid-answer', async () => {
    primary.script({ text: 'foxes live in', stallAfterChunks: 3 });
    const chain = new ProviderChain([openAi('primary', primary, { idleTimeoutMs: 100 }), openAi('secondary', secondary)]);
    expect(await answerOf(chain)).toEqual({
      text: 'foxes live |echo: where do foxes live',
      provider: 'secondary',
      attempts: ['primary:failed', 'secondary:answered'],
    });
    await primary.whenDisconnected(1);
  });

  it('honours Retry-After on a 429 before retrying the same provider', async () => {
    primary.failNext(1, { status: 429, headers: { 'retry-after': '1' } });
    const chain = new ProviderChain([openAi('primary', primary, { resilience: { ...resilience, maxRetries: 1 } }), lastResort]);
    expect(await answerOf(chain)).toMatchObject({ provider: 'primary', attempts: ['primary:answered'] });
    const [limited, retried] = primary.requests;
    expect(primary.requests).toHaveLength(2);
    // Node timers may fire a millisecond early by Date.now(); the wait itself is the server's full second.
    expect(retried.receivedAt - limited.receivedAt).toBeGreaterThanOrEqual(998);
  });
});
