import { FakeOpenAiServer } from '@ragstream/llm';
import { ChatWorld, type Caller } from './chat.world';

const tagPumps = (documentId: string) => ({ toolCalls: [{ name: 'tag_document', arguments: { documentId, tags: ['maintenance'] } }] });

describe('chat tools: search_knowledge runs at once, tag_document waits for an editor', () => {
  let fake: FakeOpenAiServer;
  let world: ChatWorld;
  let editor: Caller;
  let reader: Caller;
  const chatRequests = () => fake.requestsTo('/v1/chat/completions');
  const tagsOf = async (position: number) =>
    (await world.platform.call('GET', `/v1/documents/${world.documents.pumps}`, { token: world.acme.token, headers: { 'x-min-position': String(position) } })).body.tags;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    world = await ChatWorld.start({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-chat', LLM_PROVIDER_NAME: 'fake', LLM_MAX_RETRIES: '0' });
    [editor, reader] = [await world.member('editor'), await world.member('reader')];
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    await fake?.close();
  });

  it('offers tools to the model, runs search_knowledge, feeds the passages back and answers citing them', async () => {
    fake.script({ toolCalls: [{ id: 'call_s1', name: 'search_knowledge', arguments: { query: 'security awareness training deadline' } }] }, { text: 'Within two weeks [2].' });
    const id = await world.conversation();
    // One source up front (the pump manual): what the tool finds joins the turn as [2] onwards.
    const streamed = await world.askStream(id, 'Why do centrifugal pumps cavitate, and when is the training due?', world.owner(), { k: 1 });
    expect(streamed.events[0].data.sources.map((s: { documentId: string }) => s.documentId)).toEqual([world.documents.pumps]);
    const offered = (chatRequests().at(-2)!.body.tools as { function: { name: string } }[]).map((t) => t.function.name);
    expect(offered.sort()).toEqual(['search_knowledge', 'tag_document']);

    const call = streamed.events.find((e) => e.event === 'tool_call')!.data;
    expect(call).toMatchObject({ tool: 'search_knowledge', status: 'completed', requiresApproval: false });
    const followUp = chatRequests().at(-1)!.body.messages as { role: string; content: string; tool_call_id?: string }[];
    const toolReply = followUp.find((m) => m.role === 'tool')!;
    expect(toolReply.tool_call_id).toBe('call_s1');
    expect(JSON.parse(toolReply.content).passages.some((p: { text: string }) => p.text.includes('two weeks'))).toBe(true);

    const done = streamed.events.at(-1)!.data;
    expect(done).toMatchObject({ provider: 'fake', finishReason: 'stop', content: 'Within two weeks [2].' });
    const cited = done.sources.find((s: { id: number }) => s.id === 2);
    expect(cited.documentId).toBe(world.documents.onboarding);
    expect(done.citations).toEqual([expect.objectContaining({ sourceId: 2, documentId: world.documents.onboarding, quote: expect.stringContaining('two weeks') })]);
    expect(done.toolCalls).toEqual([expect.objectContaining({ tool: 'search_knowledge', status: 'completed' })]);
    const read = await world.read(id, done.position);
    expect(read.body.toolCalls).toEqual([expect.objectContaining({ toolCallId: call.toolCallId, tool: 'search_knowledge', status: 'completed', result: expect.stringContaining('passages') })]);
  });

  it('pauses on tag_document until an editor approves, then tags the document and resumes the answer; a reader cannot approve', async () => {
    fake.script(tagPumps(world.documents.pumps));
    const id = await world.conversation();
    const paused = await world.askStream(id, 'Please tag the pump manual as maintenance.');
    expect(paused.events.map((e) => e.event).slice(-2)).toEqual(['tool_call', 'done']);
    const call = paused.events.at(-2)!.data;
    expect(call).toMatchObject({ tool: 'tag_document', status: 'pending', requiresApproval: true, requiredRole: 'editor', arguments: { documentId: world.documents.pumps } });
    expect(paused.events.at(-1)!.data.finishReason).toBe('tool_approval');
    expect(await tagsOf(paused.events.at(-1)!.data.position)).not.toContain('maintenance');
    // The turn waits for the decision: no new question meanwhile.
    expect((await world.ask(id, 'Anything else?')).body.code).toBe('CONVERSATION.AWAITING_APPROVAL');

    const approve = `/v1/conversations/${id}/tool-calls/${call.toolCallId}/approve`;
    const refused = await world.platform.call('POST', approve, { ...reader, body: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CONVERSATION.APPROVAL_FORBIDDEN');

    fake.script({ text: 'The pump manual is now tagged maintenance [1].' });
    const resumed = await world.platform.call('POST', approve, { ...editor, body: { reason: 'fine' } });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ provider: 'fake', finishReason: 'stop', content: 'The pump manual is now tagged maintenance [1].' });
    const toolMessage = (chatRequests().at(-1)!.body.messages as { role: string; content: string }[]).find((m) => m.role === 'tool')!;
    const result = JSON.parse(toolMessage.content);
    expect(result).toMatchObject({ documentId: world.documents.pumps, tags: expect.arrayContaining(['maintenance']) });
    expect(await tagsOf(result.position)).toContain('maintenance');

    const read = await world.read(id, resumed.body.position);
    expect(read.body.toolCalls).toEqual([expect.objectContaining({ toolCallId: call.toolCallId, status: 'completed', decidedBy: `user:${(editor as { userId: string }).userId}`, decisionReason: 'fine' })]);
    expect(read.body.messages.map((m: { role: string; finishReason: string | null }) => [m.role, m.finishReason])).toEqual([
      ['user', null],
      ['assistant', 'tool_approval'],
      ['assistant', 'stop'],
    ]);
    expect(read.body.pendingApprovals).toBe(0);
  });

  it('resumes without the tool after a rejection, and the document stays as it was', async () => {
    fake.script({ toolCalls: [{ name: 'tag_document', arguments: { documentId: world.documents.onboarding, tags: ['hr'] } }] });
    const id = await world.conversation();
    const paused = (await world.ask(id, 'Tag the onboarding guide as hr.')).body;
    expect(paused.finishReason).toBe('tool_approval');
    const [call] = paused.toolCalls;
    fake.script({ text: 'I did not tag it, as that was rejected.' });
    const stream = await world.stream(`/v1/conversations/${id}/tool-calls/${call.toolCallId}/reject`, { reason: 'not now' }, editor);
    expect(stream.events.map((e) => e.event)[0]).toBe('sources');
    const done = stream.events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', data: { content: 'I did not tag it, as that was rejected.', finishReason: 'stop' } });
    const resumedRequest = chatRequests().at(-1)!.body;
    expect((resumedRequest.tools as { function: { name: string } }[]).map((t) => t.function.name)).toEqual(['search_knowledge']);
    const toolMessage = (resumedRequest.messages as { role: string; content: string }[]).find((m) => m.role === 'tool')!;
    expect(JSON.parse(toolMessage.content)).toMatchObject({ error: 'rejected by an approver', reason: 'not now' });

    const read = await world.read(id, done.data.position);
    expect(read.body.toolCalls).toEqual([expect.objectContaining({ status: 'rejected', decisionReason: 'not now' })]);
    const onboarding = await world.platform.call('GET', `/v1/documents/${world.documents.onboarding}`, { token: world.acme.token, headers: { 'x-min-position': String(done.data.position) } });
    expect(onboarding.body.tags).not.toContain('hr');
    // Decided once: a second decision is a conflict.
    expect((await world.platform.call('POST', `/v1/conversations/${id}/tool-calls/${call.toolCallId}/approve`, { ...editor, body: {} })).status).toBe(409);
  });
});
