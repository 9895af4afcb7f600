import OpenAI from 'openai';
import { ChatWorld } from './chat.world';
import { parseSse } from './sse-client';

const PUMPS = 'Why do centrifugal pumps cavitate?';

describe('the OpenAI-compatible API, with the official openai client', () => {
  let world: ChatWorld;
  let key: string;
  let client: OpenAI;
  let model: string;

  beforeAll(async () => {
    world = await ChatWorld.start();
    const created = await world.platform.call('POST', '/v1/api-keys', { token: world.acme.token, body: { name: 'sdk', scopes: ['write'] } });
    key = created.body.key;
    model = `workspace:${world.acme.workspaceId}`;
    // The key must be in the identity read model before its first use.
    client = new OpenAI({ apiKey: key, baseURL: `${world.platform.chatUrl}/v1`, defaultHeaders: { 'x-min-position': String(created.body.position) }, maxRetries: 0 });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('answers a chat.completion grounded in the workspace, with [n] markers and the ragstream extension', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: PUMPS }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe(model);
    const [choice] = completion.choices;
    expect(choice.finish_reason).toBe('stop');
    expect(choice.message.content).toMatch(/cavitate[^[]*\[1\]/);
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    const ragstream = (completion as unknown as { ragstream: any }).ragstream;
    expect(ragstream).toMatchObject({ provider: 'extractive', conversationId: expect.any(String) });
    expect(ragstream.citations[0]).toMatchObject({ sourceId: 1, documentId: world.documents.pumps });
    expect(ragstream.sources[0]).toMatchObject({ id: 1, documentId: world.documents.pumps });
  });

  it('streams chat.completion.chunks whose text adds up to the same answer', async () => {
    const whole = await client.chat.completions.create({ model, messages: [{ role: 'user', content: PUMPS }] });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: PUMPS }], stream: true, stream_options: { include_usage: true } });
    let text = '';
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id)).toBe(true);
    expect(text).toBe(whole.choices[0].message.content);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish!.choices[0].finish_reason).toBe('stop');
    expect((finish as unknown as { ragstream: any }).ragstream.citations.length).toBeGreaterThan(0);
    expect(chunks.at(-1)!.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('takes earlier messages as history and records the exchange as an openai conversation', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'user', content: PUMPS },
        { role: 'assistant', content: 'Because the inlet pressure drops [1].' },
        { role: 'user', content: 'How often should the impeller be inspected?' },
      ],
    });
    expect(completion.choices[0].message.content).toMatch(/500 operating hours/);
    const { conversationId, position } = (completion as unknown as { ragstream: { conversationId: string; position: number } }).ragstream;
    const read = await world.platform.call('GET', `/v1/conversations/${conversationId}`, { apiKey: key, headers: { 'x-min-position': String(position) } });
    expect(read.body).toMatchObject({ via: 'openai', messageCount: 2, title: 'How often should the impeller be inspected?' });
  });

  it('lists workspaces as models and refuses a model that names none', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain(model);
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: PUMPS }] })).rejects.toMatchObject({ status: 400 });
  });

  it('takes the key as X-API-Key too, and a workspace-bound key needs no workspace in the model', async () => {
    const bound = await world.platform.call('POST', '/v1/api-keys', { token: world.acme.token, body: { name: 'bound', scopes: ['write'], workspaceId: world.acme.workspaceId } });
    const response = await fetch(`${world.platform.chatUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'x-api-key': bound.body.key, 'content-type': 'application/json', 'x-min-position': String(bound.body.position) },
      body: JSON.stringify({ model: 'anything', stream: true, messages: [{ role: 'user', content: PUMPS }] }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const raw = await response.text();
    expect(raw.split('\n\n').filter(Boolean).every((block) => block.startsWith('data: '))).toBe(true);
    const events = parseSse(raw);
    expect(events.at(-1)!.data).toBe('[DONE]');
    expect(events.slice(0, -1).map((e) => e.data.choices[0].delta.content ?? '').join('')).toMatch(/cavitate/);
  });
});
