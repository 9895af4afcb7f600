import type { ConversationEvent } from '@ragstream/contracts';
import { conflict, notFound } from '../shared';
import type { AnswerData, GiveFeedback, PostUserMessage } from './conversation.commands';
import { actorRef, requireCitedSources, requireOpenTurn, requireOpenWorkspace, requireStarter } from './conversation.guards';
import { own, type ConversationState } from './conversation.state';

/** The starter's next message: one turn at a time, none while a tool call awaits approval; a retry changes nothing. */
export function postUserMessage(command: PostUserMessage, state: ConversationState): ConversationEvent[] {
  const { access, messageId, content, supersedeUnanswered } = command.data;
  requireStarter(state, command.metadata);
  const existing = own(state.messages, messageId);
  if (existing?.role === 'user') return [];
  if (existing) throw conflict('CONVERSATION.MESSAGE_EXISTS', 'the message id is taken', { messageId });
  requireOpenWorkspace(access);
  if (Object.values(state.toolCalls).some((call) => call.decision === 'pending')) {
    throw conflict('CONVERSATION.AWAITING_APPROVAL', 'a tool call awaits approval');
  }
  // Only the latest message can hold the turn: older unanswered ones were superseded already.
  const last = state.lastUserMessageId;
  const previous = last ? own(state.messages, last) : undefined;
  if (previous?.role === 'user' && !previous.answered && !supersedeUnanswered) {
    throw conflict('CONVERSATION.TURN_IN_PROGRESS', 'the previous message has not been answered yet', { replyTo: last });
  }
  return [{ type: 'conversation.user_message_posted', data: { messageId, content } }];
}

/**
 * The answer to an open turn. A late answer to a superseded message is still recorded, so the
 * tokens it cost reach the usage totals.
 */
export function recordAnswer(answer: AnswerData, state: ConversationState): ConversationEvent[] {
  requireOpenTurn(state, answer.replyTo);
  if (own(state.messages, answer.messageId)) throw conflict('CONVERSATION.MESSAGE_EXISTS', 'the message id is taken', { messageId: answer.messageId });
  requireCitedSources(answer.sources, answer.citations);
  return [{ type: 'conversation.answer_recorded', data: answer }];
}

/** The starter rates an answer; rating again replaces the earlier feedback. */
export function giveFeedback(command: GiveFeedback, state: ConversationState): ConversationEvent[] {
  const { messageId, rating, comment } = command.data;
  requireStarter(state, command.metadata);
  if (own(state.messages, messageId)?.role !== 'assistant') throw notFound('CONVERSATION.MESSAGE_NOT_FOUND', 'no such answer');
  const data = { messageId, rating, ...(comment === undefined ? {} : { comment }), by: actorRef(command.metadata) };
  return [{ type: 'conversation.feedback_given', data }];
}
