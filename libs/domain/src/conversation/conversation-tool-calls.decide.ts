import type { ConversationEvent } from '@ragstream/contracts';
import { roleAtLeast } from '../access';
import { conflict, forbidden, notFound, pick } from '../shared';
import type { CompleteToolCall, DecideToolCall, RequestToolCall } from './conversation.commands';
import { actorRef, requireOpenTurn } from './conversation.guards';
import { own, type ConversationState, type ToolCallState } from './conversation.state';

/** The model asks for a tool while answering an open turn. */
export function requestToolCall(command: RequestToolCall, state: ConversationState): ConversationEvent[] {
  const { toolCallId, replyTo } = command.data;
  requireOpenTurn(state, replyTo);
  if (own(state.toolCalls, toolCallId)) throw conflict('CONVERSATION.TOOL_CALL_EXISTS', 'the tool call id is taken', { toolCallId });
  const data = pick(command.data, ['toolCallId', 'replyTo', 'tool', 'arguments', 'requiresApproval', 'requiredRole']);
  return [{ type: 'conversation.tool_call_requested', data }];
}

/**
 * Any member holding the required role approves or rejects, not only the starter. A rejection
 * also completes the call, so the model is told in the same commit.
 */
export function decideToolCall(command: DecideToolCall, state: ConversationState): ConversationEvent[] {
  const { access, toolCallId, decision, reason } = command.data;
  const call = requireToolCall(state, toolCallId);
  if (!call.requiresApproval) throw conflict('CONVERSATION.APPROVAL_NOT_REQUIRED', 'the tool call needs no approval', { toolCallId });
  if (!roleAtLeast(access.role, call.requiredRole)) {
    throw forbidden('CONVERSATION.APPROVAL_FORBIDDEN', `deciding this tool call needs the workspace role ${call.requiredRole} or higher`);
  }
  if (call.decision !== 'pending') throw conflict('CONVERSATION.TOOL_CALL_DECIDED', `the tool call was ${call.decision} already`, { toolCallId });
  const decided: ConversationEvent = {
    type: 'conversation.tool_call_decided',
    data: { toolCallId, decision, by: actorRef(command.metadata), ...(reason === undefined ? {} : { reason }) },
  };
  if (decision === 'approved') return [decided];
  const result = JSON.stringify({ error: 'rejected by an approver', ...(reason === undefined ? {} : { reason }) });
  return [decided, { type: 'conversation.tool_call_completed', data: { toolCallId, outcome: 'rejected', result } }];
}

/** What an approved (or approval-free) call returned, once. */
export function completeToolCall(command: CompleteToolCall, state: ConversationState): ConversationEvent[] {
  const { toolCallId, outcome, result } = command.data;
  const call = requireToolCall(state, toolCallId);
  if (call.decision === 'pending') throw conflict('CONVERSATION.AWAITING_APPROVAL', 'the tool call awaits approval', { toolCallId });
  if (call.completed) throw conflict('CONVERSATION.TOOL_CALL_COMPLETED', 'the tool call has completed already', { toolCallId });
  return [{ type: 'conversation.tool_call_completed', data: { toolCallId, outcome, result } }];
}

function requireToolCall(state: ConversationState, toolCallId: string): ToolCallState {
  const call = own(state.toolCalls, toolCallId);
  if (!call) throw notFound('CONVERSATION.TOOL_CALL_NOT_FOUND', 'no such tool call');
  return call;
}
