import type { AddressInfo } from 'node:net';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';
import { createGatewayServer } from '../../apps/gateway/src/server';
import { ChatWorld, type Caller } from './chat.world';
import { newTenant } from './platform-harness';
import { postSse } from './sse-client';

const PUMPS = 'Why do centrifugal pumps cavitate?';

describe('chat with the built-in extractive answerer (no model configured)', () => {
  let world: ChatWorld;
  beforeAll(async () => {
    world = await ChatWorld.start();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('streams sources, then tokens, then done; the JSON answer to the same question says the same', async () => {
    const streamed = await world.askStream(await world.conversation(), PUMPS);
    expect(streamed.status).toBe(200);
    const names = streamed.events.map((e) => e.event);
    expect(names[0]).toBe('sources');
    expect(names.at(-1)).toBe('done');
    expect(names.slice(1, -1).length).toBeGreaterThan(1);
    expect(new Set(names.slice(1, -1))).toEqual(new Set(['token']));

    const sources = streamed.events[0].data;
    expect(sources).toMatchObject({ userMessageId: expect.any(String), position: expect.any(Number) });
    expect(sources.sources[0]).toMatchObject({ id: 1, documentId: world.documents.pumps, title: 'Pump maintenance', text: expect.stringContaining('cavitate') });
    const done = streamed.events.at(-1)!.data;
    const tokens = streamed.events.filter((e) => e.event === 'token').map((e) => e.data.text).join('');
    expect(done.content).toBe(tokens);
    expect(done).toMatchObject({ provider: 'extractive', finishReason: 'stop', replyTo: sources.userMessageId, costMicroUsd: 0, firstTokenMs: expect.any(Number) });
    expect(done.usage).toMatchObject({ promptTokens: expect.any(Number), completionTokens: expect.any(Number), estimated: false });
    expect(done.attempts).toEqual([expect.objectContaining({ provider: 'extractive', outcome: 'answered' })]);

    const json = await world.ask(await world.conversation(), PUMPS);
    expect(json.status).toBe(200);
    expect(json.body.content).toBe(done.content);
    expect(json.body.citations).toEqual(done.citations);
    expect(json.body.sources.map((s: { documentId: string }) => s.documentId)).toEqual(done.sources.map((s: { documentId: string }) => s.documentId));
  });

  it('cites only retrieved chunks, quoting their text at their place in the document', async () => {
    const answer = (await world.ask(await world.conversation(), PUMPS)).body;
    expect(answer.content).toMatch(/cavitate[^[]*\[1\]/);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) {
      const source = answer.sources.find((s: { id: number }) => s.id === citation.sourceId);
      expect(source).toBeDefined();
      expect(citation).toMatchObject({ documentId: source.documentId, revision: source.revision, chunkIndex: source.chunkIndex });
      expect(source.text).toContain(citation.quote);
      expect(citation.anchor.start).toBeGreaterThanOrEqual(source.anchor.start);
      expect(citation.anchor.end).toBeLessThanOrEqual(source.anchor.end);
    }
  });

  it('says so, citing nothing, when the documents do not hold the answer', async () => {
    const answer = (await world.ask(await world.conversation(), 'What is the capital of Mongolia?')).body;
    expect(answer).toMatchObject({ finishReason: 'no_answer', citations: [], provider: 'extractive' });
    expect(answer.content).toMatch(/do not seem to answer/);
  });

  it('cites a transcript with the times of its cues', async () => {
    const answer = (await world.ask(await world.conversation(), 'How much did revenue grow in the third quarter?')).body;
    const citation = answer.citations.find((c: { documentId: string }) => c.documentId === world.documents.review);
    expect(citation).toBeDefined();
    expect(citation.quote).toMatch(/twelve percent/);
    expect(citation.anchor.startMs).toEqual(expect.any(Number));
    expect(citation.anchor.startMs).toBeLessThanOrEqual(70_000);
    expect(citation.anchor.endMs).toBeGreaterThanOrEqual(75_500);
  });

  it('records every turn: the conversation reads back with sources, citations, provider, usage and latency', async () => {
    const id = await world.conversation();
    const first = (await world.ask(id, PUMPS)).body;
    const second = (await world.ask(id, 'When must the security awareness training be completed?')).body;
    expect(second.content).toMatch(/two weeks/);
    const read = await world.read(id, second.position);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ conversationId: id, via: 'chat', messageCount: 4, answerCount: 2, pendingApprovals: 0 });
    const [q1, a1, q2, a2] = read.body.messages;
    expect(q1).toMatchObject({ role: 'user', content: PUMPS, seq: 1 });
    expect(a1).toMatchObject({ role: 'assistant', messageId: first.messageId, replyTo: q1.messageId, content: first.content, provider: 'extractive', model: 'ragstream-extractive-v1' });
    expect(a1.citations).toEqual(first.citations);
    expect(a1.sources[0]).toMatchObject({ documentId: world.documents.pumps, anchor: expect.any(Object) });
    expect(a1).toMatchObject({ usage: first.usage, costMicroUsd: 0, latencyMs: expect.any(Number), finishReason: 'stop' });
    expect(q2.content).toMatch(/security awareness/);
    expect(a2.messageId).toBe(second.messageId);
  });

  it('lists, renames, rates and deletes the caller’s own conversations', async () => {
    const id = await world.conversation();
    const answer = (await world.ask(id, PUMPS)).body;
    const renamed = await world.platform.call('PATCH', `/v1/conversations/${id}`, { token: world.acme.token, body: { title: 'Pumps' } });
    expect(renamed.status).toBe(200);
    const rated = await world.platform.call('POST', `/v1/conversations/${id}/messages/${answer.messageId}/feedback`, { token: world.acme.token, body: { rating: 'up', comment: 'clear' } });
    expect(rated.status).toBe(200);
    const read = await world.read(id, rated.body.position);
    expect(read.body.title).toBe('Pumps');
    expect(read.body.messages[1].feedback).toEqual({ rating: 'up', comment: 'clear', by: `user:${world.acme.userId}` });
    const listed = await world.platform.call('GET', `/v1/conversations?workspaceId=${world.acme.workspaceId}&limit=200`, { token: world.acme.token, headers: { 'x-min-position': String(rated.body.position) } });
    expect(listed.body.items.map((c: { conversationId: string }) => c.conversationId)).toContain(id);
    expect(listed.body.items.find((c: { conversationId: string }) => c.conversationId === id)).toMatchObject({ title: 'Pumps', answerCount: 1 });

    const deleted = await world.platform.call('DELETE', `/v1/conversations/${id}`, { token: world.acme.token });
    expect(deleted.status).toBe(200);
    expect((await world.read(id, deleted.body.position)).status).toBe(404);
    expect((await world.ask(id, PUMPS)).status).toBe(404);
  });

  it('pages the list with a cursor', async () => {
    const caller = await world.member('editor');
    const ids = [await world.conversation(caller), await world.conversation(caller), await world.conversation(caller)];
    const page1 = await world.platform.call('GET', '/v1/conversations?limit=2', { ...caller, headers: { 'x-min-position': String(await lastPosition(world, ids[2], caller)) } });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await world.platform.call('GET', `/v1/conversations?limit=2&cursor=${page1.body.nextCursor}`, caller);
    expect(page2.body.nextCursor).toBeNull();
    expect([...page1.body.items, ...page2.body.items].map((c: { conversationId: string }) => c.conversationId).sort()).toEqual([...ids].sort());
  });

  it('keeps a conversation private to whoever started it: other users and tenants get 404 and empty lists', async () => {
    const id = await world.conversation();
    const answer = (await world.ask(id, PUMPS)).body;
    const colleague = await world.member('admin');
    const globex = await newTenant(world.platform, 'globex');
    for (const stranger of [colleague, { token: globex.token }] as Caller[]) {
      expect((await world.read(id, answer.position, stranger)).status).toBe(404);
      expect((await world.ask(id, PUMPS, stranger)).status).toBe(404);
      const rename = await world.platform.call('PATCH', `/v1/conversations/${id}`, { ...stranger, body: { title: 'mine now' } });
      expect(rename.status).toBe(404);
      const listed = await world.platform.call('GET', '/v1/conversations', { ...stranger, headers: { 'x-min-position': String(answer.position) } });
      expect(listed.body.items).toEqual([]);
    }
    // Another tenant cannot chat over acme's workspace either.
    const foreign = await world.platform.call('POST', '/v1/conversations', { token: globex.token, body: { workspaceId: world.acme.workspaceId } });
    expect(foreign.status).toBe(404);
  });

  it('starts a conversation through /v1/chat and continues it', async () => {
    const first = await world.platform.call('POST', '/v1/chat', { token: world.acme.token, body: { workspaceId: world.acme.workspaceId, message: PUMPS } });
    expect(first.status).toBe(200);
    expect(first.body.conversationId).toEqual(expect.any(String));
    const next = await world.platform.call('POST', '/v1/chat', {
      token: world.acme.token,
      body: { workspaceId: world.acme.workspaceId, message: 'How often should the impeller be inspected?', conversationId: first.body.conversationId },
    });
    expect(next.body.content).toMatch(/500 operating hours/);
    const read = await world.read(first.body.conversationId, next.body.position);
    expect(read.body).toMatchObject({ title: PUMPS, messageCount: 4 });
  });

  it('answers problem+json with field paths for a bad request', async () => {
    const id = await world.conversation();
    const bad = await world.ask(id, '');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'body.content' })]);
  });

  it('reports provider breakers in health and metrics', async () => {
    const ready = await fetch(`${world.platform.chatUrl}/readyz`).then((r) => r.json());
    expect(ready).toMatchObject({ status: 'ready', providers: [{ provider: 'extractive', state: 'closed' }] });
    const metrics = await fetch(`${world.platform.chatUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain('ragstream_chat_breaker_state{provider="extractive",model="ragstream-extractive-v1"} 0');
    expect(metrics).toMatch(/ragstream_chat_tokens_total\{provider="extractive",kind="completion"\} [1-9]/);
  });

  it('streams through the gateway, which routes chat, its models and its API document to the chat app', async () => {
    const { commandUrl, queryUrl, chatUrl } = world.platform;
    const gateway = createGatewayServer(loadGatewayConfig({ COMMAND_API_URL: commandUrl, QUERY_API_URL: queryUrl, CHAT_URL: chatUrl }));
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    try {
      const headers = { authorization: `Bearer ${world.acme.token}` };
      const streamed = await postSse(`${base}/v1/chat`, { workspaceId: world.acme.workspaceId, message: PUMPS }, headers);
      expect(streamed.events[0].event).toBe('sources');
      expect(streamed.events.at(-1)).toMatchObject({ event: 'done', data: { provider: 'extractive', finishReason: 'stop' } });
      const models = await fetch(`${base}/v1/models`, { headers }).then((r) => r.json() as Promise<any>);
      expect(models.data.map((m: { id: string }) => m.id)).toContain(`workspace:${world.acme.workspaceId}`);
      const openapi = await fetch(`${base}/openapi.json`).then((r) => r.json() as Promise<any>);
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/conversations/{conversationId}/messages', '/v1/chat/completions', '/v1/search']));
      expect(openapi['x-unavailable']).toBeUndefined();
    } finally {
      gateway.closeAllConnections();
      await new Promise((resolve) => gateway.close(resolve));
    }
  });

  it('lists the caller’s workspaces as OpenAI models', async () => {
    const models = await world.platform.call('GET', '/v1/models', { token: world.acme.token });
    expect(models.status).toBe(200);
    expect(models.body.data).toContainEqual(expect.objectContaining({ id: `workspace:${world.acme.workspaceId}`, object: 'model', name: 'General' }));
  });
});

async function lastPosition(world: ChatWorld, conversationId: string, caller: Caller): Promise<number> {
  const renamed = await world.platform.call('PATCH', `/v1/conversations/${conversationId}`, { ...caller, body: { title: 'Latest' } });
  return renamed.body.position;
}
