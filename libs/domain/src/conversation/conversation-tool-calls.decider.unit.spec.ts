import type { ConversationEvent, WorkspaceRole } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import { conversationDecider } from './conversation.decider';
import { A1, OTHER, answered, byOther, cmd, posted, registry, started, toolCall, toolRequested } from './conversation.fixtures';

const decided = (decision: 'approved' | 'rejected', reason?: string): ConversationEvent => ({
  type: 'conversation.tool_call_decided',
  data: { toolCallId: 'call_1', decision, by: `user:${OTHER}`, ...(reason ? { reason } : {}) },
});
const completed = (outcome: 'ok' | 'error' | 'rejected', result: string): ConversationEvent => ({ type: 'conversation.tool_call_completed', data: { toolCallId: 'call_1', outcome, result } });

describe('conversation decider: tool calls', () => {
  const { given } = spec(conversationDecider, { registry });
  const open = [started, posted()];
  const decide = (role: WorkspaceRole | null, decision: 'approved' | 'rejected', reason?: string) =>
    byOther(role)('DecideToolCall', { toolCallId: 'call_1', decision, ...(reason ? { reason } : {}) });
  const complete = (outcome: 'ok' | 'error' = 'ok', result = '{"deleted":true}') => cmd('CompleteToolCall', { toolCallId: 'call_1', outcome, result });

  describe('RequestToolCall', () => {
    it('records the request of an open turn', () =>
      given(open).when(cmd('RequestToolCall', toolCall())).then([toolRequested()], (s) => expect(s.toolCalls['call_1']).toMatchObject({ decision: 'pending', completed: false })));
    it('starts a call that needs no approval as approved', () =>
      given(open).when(cmd('RequestToolCall', toolCall({ requiresApproval: false }))).then([toolRequested({ requiresApproval: false })], (s) =>
        expect(s.toolCalls['call_1'].decision).toBe('approved')));
    it('refuses a taken tool call id', () => given([...open, toolRequested()]).when(cmd('RequestToolCall', toolCall())).thenThrows('CONVERSATION.TOOL_CALL_EXISTS', 'conflict'));
    it('refuses an answered turn', () => given([...open, answered()]).when(cmd('RequestToolCall', toolCall())).thenThrows('CONVERSATION.ALREADY_ANSWERED', 'conflict'));
    it('refuses a reply to an answer', () => given([...open, answered()]).when(cmd('RequestToolCall', toolCall({ replyTo: A1 }))).thenThrows('CONVERSATION.MESSAGE_NOT_FOUND', 'not-found'));
  });

  describe('DecideToolCall', () => {
    const pending = [...open, toolRequested()];
    it('lets any member holding the required role approve', () =>
      given(pending).when(decide('editor', 'approved')).then([decided('approved')], (s) => expect(s.toolCalls['call_1'].decision).toBe('approved')));
    it('completes a rejection in the same commit, so the model is told', () =>
      given(pending).when(decide('owner', 'rejected', 'not now')).then(
        [decided('rejected', 'not now'), completed('rejected', JSON.stringify({ error: 'rejected by an approver', reason: 'not now' }))],
        (s) => expect(s.toolCalls['call_1']).toMatchObject({ decision: 'rejected', completed: true }),
      ));
    it('refuses a role below the required one', () => given(pending).when(decide('reader', 'approved')).thenThrows('CONVERSATION.APPROVAL_FORBIDDEN', 'forbidden'));
    it('refuses to decide twice', () => given([...pending, decided('approved')]).when(decide('admin', 'rejected')).thenThrows('CONVERSATION.TOOL_CALL_DECIDED', 'conflict'));
    it('refuses a call that needs no approval', () =>
      given([...open, toolRequested({ requiresApproval: false })]).when(decide('owner', 'approved')).thenThrows('CONVERSATION.APPROVAL_NOT_REQUIRED', 'conflict'));
    it('refuses an unknown call', () => given(open).when(decide('owner', 'approved')).thenThrows('CONVERSATION.TOOL_CALL_NOT_FOUND', 'not-found'));
    it('refuses an outsider', () => given(pending).when(decide(null, 'approved')).thenThrows('WORKSPACE.NOT_FOUND', 'not-found'));
    it('unblocks the conversation once decided', () =>
      given([...pending, ...[decided('rejected'), completed('rejected', '{}')]]).when(cmd('PostUserMessage', { messageId: OTHER, content: 'ok', supersedeUnanswered: true })).then([
        { type: 'conversation.user_message_posted', data: { messageId: OTHER, content: 'ok' } },
      ]));
  });

  describe('CompleteToolCall', () => {
    it('completes an approved call', () => given([...open, toolRequested(), decided('approved')]).when(complete()).then([completed('ok', '{"deleted":true}')]));
    it('completes a call that needs no approval, also with an error', () =>
      given([...open, toolRequested({ requiresApproval: false })]).when(complete('error', 'boom')).then([completed('error', 'boom')]));
    it('refuses a call awaiting approval', () => given([...open, toolRequested()]).when(complete()).thenThrows('CONVERSATION.AWAITING_APPROVAL', 'conflict'));
    it('refuses a rejected call, which is complete already', () =>
      given([...open, toolRequested(), decided('rejected'), completed('rejected', '{}')]).when(complete()).thenThrows('CONVERSATION.TOOL_CALL_COMPLETED', 'conflict'));
    it('refuses to complete twice', () =>
      given([...open, toolRequested({ requiresApproval: false }), completed('ok', '{}')]).when(complete()).thenThrows('CONVERSATION.TOOL_CALL_COMPLETED', 'conflict'));
    it('refuses an unknown call, even one named like an object key', () =>
      given(open).when(cmd('CompleteToolCall', { toolCallId: 'constructor', outcome: 'ok', result: '{}' })).thenThrows('CONVERSATION.TOOL_CALL_NOT_FOUND', 'not-found'));
  });
});
