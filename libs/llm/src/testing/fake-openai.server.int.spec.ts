import { FakeOpenAiServer } from './fake-openai.server';

const chat = (server: FakeOpenAiServer, body: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
const messages = [{ role: 'user', content: 'hi' }];

describe('FakeOpenAiServer', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => (server = await FakeOpenAiServer.start()));
  afterEach(() => server.close());

  it('hangs only as many requests as told, and counts a client leaving a hung one', async () => {
    server.hangNext(1);
    const caller = new AbortController();
    const hung = await chat(server, { model: 'm', messages, stream: true }, caller.signal);
    expect(hung.status).toBe(200);
    const reading = hung.text();
    caller.abort();
    await expect(reading).rejects.toThrow();
    await server.whenDisconnected(1);

    const answered = await chat(server, { model: 'm', messages, stream: true });
    expect(await answered.text()).toContain('data: [DONE]');
    expect(server.disconnects).toBe(1);
  });

  it('answers scripted replies in order, then echoes; rejects tools when told to', async () => {
    server.script({ text: 'first' }, { text: 'second' });
    const contents = [];
    for (let i = 0; i < 3; i++) contents.push(((await (await chat(server, { model: 'm', messages })).json()) as { choices: { message: { content: string } }[] }).choices[0].message.content);
    expect(contents).toEqual(['first', 'second', 'echo: hi']);

    server.rejectTools = true;
    expect((await chat(server, { model: 'm', messages, tools: [{ type: 'function' }] })).status).toBe(400);
    expect((await chat(server, { model: 'm', messages })).status).toBe(200);
  });

  it('does not count its own cuts or completed responses as disconnects', async () => {
    server.cutStreamAfterChunks = 1;
    await expect((await chat(server, { model: 'm', messages, stream: true })).text()).rejects.toThrow();
    server.cutStreamAfterChunks = undefined;
    await (await chat(server, { model: 'm', messages })).text();
    expect(server.disconnects).toBe(0);
  });
});
