import type { ConversationEvent, WorkspaceRole } from '@ragstream/contracts';
import { assertNever } from '../shared';

/** A user message is answered once an answer closes its turn; an assistant message remembers what it answers. */
export type MessageState = { readonly role: 'user'; readonly answered: boolean } | { readonly role: 'assistant'; readonly replyTo: string };

export interface ToolCallState {
  readonly replyTo: string;
  readonly requiresApproval: boolean;
  readonly requiredRole: WorkspaceRole;
  /** A call that needs no approval starts out approved. */
  readonly decision: 'pending' | 'approved' | 'rejected';
  readonly completed: boolean;
}

export interface ConversationState {
  readonly exists: boolean;
  readonly deleted: boolean;
  readonly workspaceId: string;
  /** `<actor type>:<actor id>` of whoever started it: the only one who may post, rename or rate. */
  readonly startedBy: string;
  readonly title: string;
  readonly messages: Readonly<Record<string, MessageState>>;
  readonly lastUserMessageId: string | null;
  readonly toolCalls: Readonly<Record<string, ToolCallState>>;
}

export const initialConversationState = (): ConversationState => ({
  exists: false,
  deleted: false,
  workspaceId: '',
  startedBy: '',
  title: '',
  messages: {},
  lastUserMessageId: null,
  toolCalls: {},
});

/** An own entry of a record keyed by client ids, so an id such as `constructor` finds nothing. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function evolveConversation(state: ConversationState, event: ConversationEvent): ConversationState {
  switch (event.type) {
    case 'conversation.started': {
      const { workspaceId, title, startedBy } = event.data;
      return { ...initialConversationState(), exists: true, workspaceId, title, startedBy };
    }
    case 'conversation.user_message_posted': {
      const { messageId } = event.data;
      return { ...state, messages: { ...state.messages, [messageId]: { role: 'user', answered: false } }, lastUserMessageId: messageId };
    }
    case 'conversation.answer_recorded': {
      const { messageId, replyTo, finishReason } = event.data;
      // An answer that pauses for a tool approval leaves the turn open for the answer that continues it.
      const answered = finishReason !== 'tool_approval';
      return { ...state, messages: { ...state.messages, [replyTo]: { role: 'user', answered }, [messageId]: { role: 'assistant', replyTo } } };
    }
    case 'conversation.renamed':
      return { ...state, title: event.data.title };
    case 'conversation.deleted':
      return { ...state, deleted: true };
    case 'conversation.feedback_given':
      return state;
    case 'conversation.tool_call_requested': {
      const { toolCallId, replyTo, requiresApproval, requiredRole } = event.data;
      const call: ToolCallState = { replyTo, requiresApproval, requiredRole, decision: requiresApproval ? 'pending' : 'approved', completed: false };
      return withToolCall(state, toolCallId, call);
    }
    case 'conversation.tool_call_decided':
      return withToolCall(state, event.data.toolCallId, { ...own(state.toolCalls, event.data.toolCallId)!, decision: event.data.decision });
    case 'conversation.tool_call_completed':
      return withToolCall(state, event.data.toolCallId, { ...own(state.toolCalls, event.data.toolCallId)!, completed: true });
    default:
      return assertNever(event);
  }
}

const withToolCall = (state: ConversationState, id: string, call: ToolCallState): ConversationState => ({
  ...state,
  toolCalls: { ...state.toolCalls, [id]: call },
});
