import { ChatWorld } from './chat.world';
import { nextMonthStart } from '../../apps/chat/src/ask/token-quota';

const PUMPS = 'Why do centrifugal pumps cavitate?';

describe('the monthly token quota of a workspace', () => {
  let world: ChatWorld;
  beforeAll(async () => {
    world = await ChatWorld.start({ CHAT_TOKEN_QUOTA_PER_WORKSPACE: '20' });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('answers 429 with Retry-After until next month once the workspace used its tokens, before any stream opens', async () => {
    const id = await world.conversation();
    const first = await world.ask(id, PUMPS);
    expect(first.status).toBe(200);
    expect(first.body.usage.totalTokens).toBeGreaterThanOrEqual(20);
    // The usage read model counts the answer once it has reached the answer's position.
    await world.read(id, first.body.position);

    const refused = await world.ask(id, 'How often should the impeller be inspected?');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'CHAT.TOKEN_QUOTA_EXHAUSTED', details: { quota: 20, used: first.body.usage.totalTokens } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    const now = Date.now();
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil((nextMonthStart(new Date(now)).getTime() - now) / 1000) + 1);
    expect(refused.body.details.resetsAt).toBe(nextMonthStart(new Date(now)).toISOString());

    const streamed = await world.askStream(id, 'How often should the impeller be inspected?');
    expect(streamed.status).toBe(429);
    expect(streamed.body.code).toBe('CHAT.TOKEN_QUOTA_EXHAUSTED');
    // Refused questions are not recorded: read back after a later commit, the conversation still has one exchange.
    const renamed = await world.platform.call('PATCH', `/v1/conversations/${id}`, { token: world.acme.token, body: { title: 'Over quota' } });
    const read = await world.read(id, renamed.body.position);
    expect(read.body).toMatchObject({ title: 'Over quota', messageCount: 2 });
  });

  it('counts per workspace: another workspace still answers', async () => {
    const other = await world.platform.call('POST', '/v1/workspaces', { token: world.acme.token, body: { name: 'Other' } });
    const id = await world.conversation(world.owner(), other.body.workspaceId);
    const answer = await world.ask(id, PUMPS);
    expect(answer.status).toBe(200);
  });
});
