import type { ConversationEvent } from '@ragstream/contracts';
import { roleAtLeast } from '../access';
import { assertNever, conflict, forbidden, type Decider } from '../shared';
import type { ConversationCommand, DeleteConversation, StartConversation } from './conversation.commands';
import { actorRef, requireLive, requireMember, requireOpenWorkspace, requireStarter } from './conversation.guards';
import { giveFeedback, postUserMessage, recordAnswer } from './conversation-messages.decide';
import { completeToolCall, decideToolCall, requestToolCall } from './conversation-tool-calls.decide';
import { evolveConversation, initialConversationState, type ConversationState } from './conversation.state';

function decide(command: ConversationCommand, state: ConversationState): ConversationEvent[] {
  const { access } = command.data;
  requireMember(access);
  if (command.type === 'StartConversation') return start(command, state);
  requireLive(state, access);
  switch (command.type) {
    case 'PostUserMessage':
      return postUserMessage(command, state);
    case 'RecordAnswer':
      return recordAnswer(command.data.answer, state);
    case 'RenameConversation': {
      requireStarter(state, command.metadata);
      const title = command.data.title.trim();
      return title === state.title ? [] : [{ type: 'conversation.renamed', data: { title } }];
    }
    case 'DeleteConversation':
      return remove(command, state);
    case 'GiveFeedback':
      return giveFeedback(command, state);
    case 'RequestToolCall':
      return requestToolCall(command, state);
    case 'DecideToolCall':
      return decideToolCall(command, state);
    case 'CompleteToolCall':
      return completeToolCall(command, state);
    default:
      return assertNever(command);
  }
}

function start(command: StartConversation, state: ConversationState): ConversationEvent[] {
  const { access, title, via } = command.data;
  requireOpenWorkspace(access);
  if (state.exists) throw conflict('CONVERSATION.EXISTS', 'the conversation already exists');
  return [{ type: 'conversation.started', data: { workspaceId: access.workspaceId, title: title.trim(), startedBy: actorRef(command.metadata), via } }];
}

/** The starter, or a workspace admin or owner (moderation), deletes; the read model then drops the content. */
function remove(command: DeleteConversation, state: ConversationState): ConversationEvent[] {
  if (actorRef(command.metadata) !== state.startedBy && !roleAtLeast(command.data.access.role, 'admin')) {
    throw forbidden('CONVERSATION.FORBIDDEN', 'only whoever started the conversation or a workspace admin may delete it');
  }
  return [{ type: 'conversation.deleted', data: {} }];
}

/** A chat in a workspace: its turns, their answers with sources and costs, feedback and approved tool calls. */
export const conversationDecider: Decider<ConversationState, ConversationCommand, ConversationEvent> = {
  aggregateType: 'conversation',
  initialState: initialConversationState,
  decide,
  evolve: evolveConversation,
};
