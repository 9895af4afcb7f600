import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import {
  Citation,
  ConversationTitle,
  FinishReason,
  MessageContent,
  ProviderAttempt,
  SourceChunk,
  TokenCounts,
  ToolArguments,
  ToolName,
} from './conversation.schemas';
import { WorkspaceRole } from './identity.schemas';

/**
 * Aggregate `conversation` (`evt.<tenant>.conversation.<id>`): one chat in a workspace, every turn
 * with its sources, provider, model, tokens and cost, feedback and tool calls.
 */
export const ConversationStarted = defineEvent('conversation.started', [
  z.object({ workspaceId: z.uuid(), title: ConversationTitle, startedBy: z.string().max(100), via: z.enum(['chat', 'openai']) }),
]);
export const ConversationUserMessagePosted = defineEvent('conversation.user_message_posted', [
  z.object({ messageId: z.uuid(), content: MessageContent }),
]);
/** The assistant's answer to `replyTo`; every citation names one of `sources`. */
export const ConversationAnswerRecorded = defineEvent('conversation.answer_recorded', [
  z.object({
    messageId: z.uuid(),
    replyTo: z.uuid(),
    content: z.string().max(64_000),
    sources: z.array(SourceChunk).max(64),
    citations: z.array(Citation).max(128),
    provider: z.string().max(100),
    model: z.string().max(200),
    usage: TokenCounts,
    /** Estimated cost in millionths of a US dollar, from the configured price table (0 when unpriced). */
    costMicroUsd: z.number().int().nonnegative(),
    latencyMs: z.number().int().nonnegative(),
    firstTokenMs: z.number().int().nonnegative().nullable(),
    finishReason: FinishReason,
    attempts: z.array(ProviderAttempt).max(16),
  }),
]);
export const ConversationRenamed = defineEvent('conversation.renamed', [z.object({ title: ConversationTitle })]);
export const ConversationDeleted = defineEvent('conversation.deleted', [z.object({})]);
export const ConversationFeedbackGiven = defineEvent('conversation.feedback_given', [
  z.object({ messageId: z.uuid(), rating: z.enum(['up', 'down']), comment: z.string().max(2_000).optional(), by: z.string().max(100) }),
]);
/** The model asked for a tool; with `requiresApproval` the turn waits for a member holding `requiredRole`. */
export const ConversationToolCallRequested = defineEvent('conversation.tool_call_requested', [
  z.object({
    toolCallId: z.string().min(1).max(100),
    replyTo: z.uuid(),
    tool: ToolName,
    arguments: ToolArguments,
    requiresApproval: z.boolean(),
    requiredRole: WorkspaceRole,
  }),
]);
export const ConversationToolCallDecided = defineEvent('conversation.tool_call_decided', [
  z.object({ toolCallId: z.string().min(1).max(100), decision: z.enum(['approved', 'rejected']), by: z.string().max(100), reason: z.string().max(500).optional() }),
]);
/** What the tool returned (JSON text the model reads next), or its error. */
export const ConversationToolCallCompleted = defineEvent('conversation.tool_call_completed', [
  z.object({ toolCallId: z.string().min(1).max(100), outcome: z.enum(['ok', 'error', 'rejected']), result: z.string().max(16_000) }),
]);

export const conversationEvents = [
  ConversationStarted,
  ConversationUserMessagePosted,
  ConversationAnswerRecorded,
  ConversationRenamed,
  ConversationDeleted,
  ConversationFeedbackGiven,
  ConversationToolCallRequested,
  ConversationToolCallDecided,
  ConversationToolCallCompleted,
] as const;
export type ConversationEvent = EventOf<(typeof conversationEvents)[number]>;
