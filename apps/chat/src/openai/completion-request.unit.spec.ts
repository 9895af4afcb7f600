import type { Principal } from '@ragstream/auth';
import { completionAsk } from './completion-request';

const WS = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const user: Principal = { kind: 'user', tenantId: 't', userId: 'u', sessionId: 's', tenantRole: 'member' };
const boundKey: Principal = { kind: 'apikey', tenantId: 't', keyId: 'k', scopes: ['write'], workspaceId: WS, createdBy: 'u' };

describe('completionAsk', () => {
  it('takes the workspace from the model, with or without the prefix', () => {
    expect(completionAsk(user, { model: `workspace:${WS}`, messages: [{ role: 'user', content: 'q' }] }).workspaceId).toBe(WS);
    expect(completionAsk(user, { model: WS.toUpperCase(), messages: [{ role: 'user', content: 'q' }] }).workspaceId).toBe(WS);
  });

  it("falls back to a bound key's workspace, and refuses a model naming none otherwise", () => {
    expect(completionAsk(boundKey, { model: 'gpt-4o', messages: [{ role: 'user', content: 'q' }] }).workspaceId).toBe(WS);
    expect(() => completionAsk(user, { model: 'gpt-4o', messages: [{ role: 'user', content: 'q' }] })).toThrow(expect.objectContaining({ code: 'CHAT.MODEL_UNKNOWN' }));
  });

  it('asks the last user message, with the user and assistant turns before it as history', () => {
    const ask = completionAsk(user, {
      model: WS,
      messages: [
        { role: 'system', content: 'be nice' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: [{ type: 'text', text: 'answer' }] },
        { role: 'user', content: ' second ' },
      ],
    });
    expect(ask).toEqual({ workspaceId: WS, question: 'second', history: [{ role: 'user', content: 'first' }, { role: 'assistant', content: 'answer' }] });
  });

  it('refuses messages without a user question', () => {
    expect(() => completionAsk(user, { model: WS, messages: [{ role: 'system', content: 'x' }] })).toThrow(expect.objectContaining({ code: 'CHAT.NO_QUESTION' }));
  });
});
