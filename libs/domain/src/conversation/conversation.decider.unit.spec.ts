import { spec } from '@ragstream/testing';
import { asApiKey, asUser } from '../testing/identity.fixtures';
import { conversationDecider } from './conversation.decider';
import {
  A1, A2, OTHER, OTHER_WS, Q1, Q2, STARTER, WS, access, answer, answered, byOther, citation, cmd, deleted, posted, registry, source, started, toolRequested,
} from './conversation.fixtures';

describe('conversation decider', () => {
  const { given } = spec(conversationDecider, { registry });
  const post = (over: object = {}) => cmd('PostUserMessage', { messageId: Q2, content: 'And in USD?', ...over });

  describe('StartConversation', () => {
    const startCmd = (over: object = {}) => cmd('StartConversation', { title: '  Pricing ', via: 'chat', ...over });
    it('starts for any member, trimming the title and naming the starter', () =>
      given([]).when(startCmd()).then([started], (s) => expect(s).toMatchObject({ exists: true, startedBy: `user:${STARTER}`, title: 'Pricing' })));
    it('names an API key starter by type', () =>
      given([]).when(cmd('StartConversation', { title: 'Pricing', via: 'openai' }, asApiKey(OTHER))).then([
        { type: 'conversation.started', data: { workspaceId: WS, title: 'Pricing', startedBy: `apikey:${OTHER}`, via: 'openai' } },
      ]));
    it('hides a workspace the actor has no role in', () => given([]).when(startCmd({ access: access(null) })).thenThrows('WORKSPACE.NOT_FOUND', 'not-found'));
    it('hides a workspace that does not exist', () => given([]).when(startCmd({ access: access('owner', { exists: false }) })).thenThrows('WORKSPACE.NOT_FOUND', 'not-found'));
    it('refuses an archived workspace', () => given([]).when(startCmd({ access: access('owner', { archived: true }) })).thenThrows('WORKSPACE.ARCHIVED', 'conflict'));
    it('refuses to start twice', () => given([started]).when(startCmd()).thenThrows('CONVERSATION.EXISTS', 'conflict'));
    it('refuses to start a deleted one again', () => given([started, deleted]).when(startCmd()).thenThrows('CONVERSATION.EXISTS', 'conflict'));
  });

  describe('PostUserMessage', () => {
    it('posts the first message', () => given([started]).when(post({ messageId: Q1, content: 'What does it cost?' })).then([posted()]));
    it('posts once the previous message is answered', () => given([started, posted(), answered()]).when(post()).then([posted(Q2, 'And in USD?')]));
    it('changes nothing for a retried message id', () => given([started, posted()]).when(post({ messageId: Q1 })).then([]));
    it('refuses a message id taken by an answer', () => given([started, posted(), answered()]).when(post({ messageId: A1 })).thenThrows('CONVERSATION.MESSAGE_EXISTS', 'conflict'));
    it('refuses while the previous message awaits its answer', () => given([started, posted()]).when(post()).thenThrows('CONVERSATION.TURN_IN_PROGRESS', 'conflict'));
    it('supersedes an unanswered message the handler found abandoned', () =>
      given([started, posted()]).when(post({ supersedeUnanswered: true })).then([posted(Q2, 'And in USD?')], (s) => expect(s.lastUserMessageId).toBe(Q2)));
    it('keeps the turn open after an answer that paused for approval', () =>
      given([started, posted(), answered({ finishReason: 'tool_approval' })]).when(post()).thenThrows('CONVERSATION.TURN_IN_PROGRESS', 'conflict'));
    it('refuses while a tool call awaits approval, even when superseding', () =>
      given([started, posted(), toolRequested()]).when(post({ supersedeUnanswered: true })).thenThrows('CONVERSATION.AWAITING_APPROVAL', 'conflict'));
    it('is for the starter only', () => given([started]).when(byOther('owner')('PostUserMessage', { messageId: Q1, content: 'hi' })).thenThrows('CONVERSATION.FORBIDDEN', 'forbidden'));
    it('refuses an archived workspace', () => given([started]).when(post({ access: access('reader', { archived: true }) })).thenThrows('WORKSPACE.ARCHIVED', 'conflict'));
    it('refuses a former member', () => given([started]).when(post({ access: access(null) })).thenThrows('WORKSPACE.NOT_FOUND', 'not-found'));
    it('does not find it through another workspace', () =>
      given([started]).when(post({ access: access('owner', { workspaceId: OTHER_WS }) })).thenThrows('CONVERSATION.NOT_FOUND', 'not-found'));
    it('does not find a conversation that never started', () => given([]).when(post()).thenThrows('CONVERSATION.NOT_FOUND', 'not-found'));
  });

  describe('RecordAnswer', () => {
    const record = (over: object = {}) => cmd('RecordAnswer', { answer: answer(over) });
    it('records the answer to an open turn', () =>
      given([started, posted()]).when(record()).then([answered()], (s) => expect(s.messages[Q1]).toEqual({ role: 'user', answered: true })));
    it('records a continuation after an answer that paused for approval', () =>
      given([started, posted(), answered({ finishReason: 'tool_approval' })]).when(record({ messageId: A2 })).then([answered({ messageId: A2 })]));
    it('records a late answer to a superseded message, so its usage counts', () =>
      given([started, posted(), posted(Q2)]).when(record()).then([answered()]));
    it('refuses to answer twice', () => given([started, posted(), answered()]).when(record({ messageId: A2 })).thenThrows('CONVERSATION.ALREADY_ANSWERED', 'conflict'));
    it('refuses an unknown message', () => given([started]).when(record()).thenThrows('CONVERSATION.MESSAGE_NOT_FOUND', 'not-found'));
    it('refuses to answer an answer', () =>
      given([started, posted(), answered()]).when(record({ messageId: A2, replyTo: A1 })).thenThrows('CONVERSATION.MESSAGE_NOT_FOUND', 'not-found'));
    it('refuses a taken message id', () => given([started, posted(), answered(), posted(Q2)]).when(record({ replyTo: Q2 })).thenThrows('CONVERSATION.MESSAGE_EXISTS', 'conflict'));
    it('refuses a citation of no source', () => given([started, posted()]).when(record({ citations: [citation(2)] })).thenThrows('CONVERSATION.CITATION_NOT_RETRIEVED', 'validation'));
    it.each([{ documentId: OTHER }, { revision: 2 }, { chunkIndex: 3 }])('refuses a citation that differs from its source in %o', (over) =>
      given([started, posted()]).when(record({ citations: [citation(1, over)] })).thenThrows('CONVERSATION.CITATION_NOT_RETRIEVED', 'validation'));
    it('refuses duplicate source ids', () =>
      given([started, posted()]).when(record({ sources: [source(1), source(1, 2)], citations: [] })).thenThrows('CONVERSATION.DUPLICATE_SOURCE', 'validation'));
  });

  describe('RenameConversation', () => {
    it('renames', () => given([started]).when(cmd('RenameConversation', { title: 'Prices ' })).then([{ type: 'conversation.renamed', data: { title: 'Prices' } }]));
    it('ignores the same title', () => given([started]).when(cmd('RenameConversation', { title: 'Pricing' })).then([]));
    it('is for the starter only', () => given([started]).when(byOther('owner')('RenameConversation', { title: 'X' })).thenThrows('CONVERSATION.FORBIDDEN', 'forbidden'));
  });

  describe('DeleteConversation', () => {
    it('deletes for the starter', () => given([started]).when(cmd('DeleteConversation')).then([deleted], (s) => expect(s.deleted).toBe(true)));
    it.each(['admin', 'owner'] as const)('deletes for a workspace %s', (role) => given([started]).when(byOther(role)('DeleteConversation')).then([deleted]));
    it('refuses another editor', () => given([started]).when(byOther('editor')('DeleteConversation')).thenThrows('CONVERSATION.FORBIDDEN', 'forbidden'));
    it('refuses to delete twice', () => given([started, deleted]).when(cmd('DeleteConversation')).thenThrows('CONVERSATION.NOT_FOUND', 'not-found'));
  });

  describe('GiveFeedback', () => {
    const rate = (over: object = {}) => cmd('GiveFeedback', { messageId: A1, rating: 'down', comment: 'wrong price', ...over });
    it('rates an answer', () =>
      given([started, posted(), answered()]).when(rate()).then([
        { type: 'conversation.feedback_given', data: { messageId: A1, rating: 'down', comment: 'wrong price', by: `user:${STARTER}` } },
      ]));
    it('leaves the comment out when there is none', () =>
      given([started, posted(), answered()]).when(rate({ comment: undefined, rating: 'up' })).then([
        { type: 'conversation.feedback_given', data: { messageId: A1, rating: 'up', by: `user:${STARTER}` } },
      ]));
    it('refuses a user message', () => given([started, posted(), answered()]).when(rate({ messageId: Q1 })).thenThrows('CONVERSATION.MESSAGE_NOT_FOUND', 'not-found'));
    it('refuses an unknown message', () => given([started]).when(rate({ messageId: 'constructor' })).thenThrows('CONVERSATION.MESSAGE_NOT_FOUND', 'not-found'));
    it('is for the starter only', () => given([started, posted(), answered()]).when(byOther('owner')('GiveFeedback', { messageId: A1, rating: 'up' })).thenThrows('CONVERSATION.FORBIDDEN', 'forbidden'));
  });

  describe('a deleted conversation', () => {
    const history = [started, posted(), answered(), deleted];
    it.each([
      cmd('PostUserMessage', { messageId: Q2, content: 'hi' }),
      cmd('RecordAnswer', { answer: answer() }),
      cmd('RenameConversation', { title: 'X' }),
      cmd('GiveFeedback', { messageId: A1, rating: 'up' }),
      cmd('RequestToolCall', { toolCallId: 'c', replyTo: Q1, tool: 't', arguments: {}, requiresApproval: false, requiredRole: 'reader' }),
      cmd('DecideToolCall', { toolCallId: 'c', decision: 'approved' }),
      cmd('CompleteToolCall', { toolCallId: 'c', outcome: 'ok', result: '{}' }),
    ])('is not found for $type', (command) => given(history).when(command).thenThrows('CONVERSATION.NOT_FOUND', 'not-found'));
    it('is not found by its starter either', () => given(history).when(cmd('DeleteConversation', {}, asUser(STARTER))).thenThrows('CONVERSATION.NOT_FOUND'));
  });
});
