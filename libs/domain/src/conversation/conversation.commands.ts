import type { ConversationEvent, WorkspaceRole } from '@ragstream/contracts';
import type { WorkspaceAccess } from '../document';
import type { DomainCommand } from '../shared';

/** The data of `conversation.answer_recorded`, as the chat app assembles it after a turn. */
export type AnswerData = Extract<ConversationEvent, { type: 'conversation.answer_recorded' }>['data'];

export type StartConversation = DomainCommand<'StartConversation', { access: WorkspaceAccess; title: string; via: 'chat' | 'openai' }>;
export type PostUserMessage = DomainCommand<
  'PostUserMessage',
  {
    access: WorkspaceAccess;
    messageId: string;
    content: string;
    /**
     * Set by the handler when the latest user message has waited longer than
     * UNANSWERED_TURN_TIMEOUT_MS (see isTurnAbandoned): its answer is taken as failed, so the new
     * message may be posted instead of TURN_IN_PROGRESS. Events carry no time, hence the flag.
     */
    supersedeUnanswered?: boolean;
  }
>;
export type RecordAnswer = DomainCommand<'RecordAnswer', { access: WorkspaceAccess; answer: AnswerData }>;
export type RenameConversation = DomainCommand<'RenameConversation', { access: WorkspaceAccess; title: string }>;
export type DeleteConversation = DomainCommand<'DeleteConversation', { access: WorkspaceAccess }>;
export type GiveFeedback = DomainCommand<'GiveFeedback', { access: WorkspaceAccess; messageId: string; rating: 'up' | 'down'; comment?: string }>;
export type RequestToolCall = DomainCommand<
  'RequestToolCall',
  {
    access: WorkspaceAccess;
    toolCallId: string;
    replyTo: string;
    tool: string;
    arguments: Record<string, unknown>;
    requiresApproval: boolean;
    requiredRole: WorkspaceRole;
  }
>;
export type DecideToolCall = DomainCommand<'DecideToolCall', { access: WorkspaceAccess; toolCallId: string; decision: 'approved' | 'rejected'; reason?: string }>;
export type CompleteToolCall = DomainCommand<'CompleteToolCall', { access: WorkspaceAccess; toolCallId: string; outcome: 'ok' | 'error'; result: string }>;

export type ConversationCommand =
  | StartConversation
  | PostUserMessage
  | RecordAnswer
  | RenameConversation
  | DeleteConversation
  | GiveFeedback
  | RequestToolCall
  | DecideToolCall
  | CompleteToolCall;
