import { z } from 'zod';
import { Citation, ChunkAnchor, ConversationTitle, FinishReason, MessageContent, ProviderAttempt, TokenCounts } from '../events/conversation.schemas';
import { WorkspaceRole } from '../events/identity.schemas';
import { CommandAccepted, MinPositionQuery, PageQuery, Paged } from './common.http';
import { defineRoute } from './route-contract';
import { SearchFilters, SearchMode } from './search.http';

const ConversationParams = z.object({ conversationId: z.uuid() });
const MessageParams = ConversationParams.extend({ messageId: z.uuid() });
const ToolCallParams = ConversationParams.extend({ toolCallId: z.string().min(1).max(100) });

/** A retrieved chunk the answer could cite; `id` is its [n] marker. `text` is present in live answers only. */
export const SourceView = z.object({
  id: z.number().int(),
  documentId: z.uuid(),
  revision: z.number().int(),
  chunkIndex: z.number().int(),
  title: z.string(),
  score: z.number(),
  anchor: ChunkAnchor,
  text: z.string().optional(),
});

export const ToolCallView = z.object({
  toolCallId: z.string(),
  replyTo: z.uuid(),
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
  requiresApproval: z.boolean(),
  requiredRole: WorkspaceRole,
  status: z.enum(['pending', 'approved', 'rejected', 'completed', 'failed']),
  decidedBy: z.string().nullable().optional(),
  decisionReason: z.string().nullable().optional(),
  result: z.string().nullable().optional(),
});

/** Retrieval settings of one question; the defaults come from the chat configuration. */
const RetrievalOptions = {
  mode: SearchMode.optional(),
  k: z.number().int().min(1).max(20).optional(),
  filters: SearchFilters.optional(),
  stream: z.boolean().optional().describe('answer as Server-Sent Events (same as Accept: text/event-stream)'),
};

/** One assistant answer: what the SSE `done` event carries, plus the sources. */
export const ChatAnswer = z.object({
  conversationId: z.uuid(),
  messageId: z.uuid(),
  replyTo: z.uuid(),
  content: z.string(),
  sources: z.array(SourceView),
  citations: z.array(Citation),
  usage: TokenCounts,
  costMicroUsd: z.number().int(),
  provider: z.string(),
  model: z.string(),
  finishReason: FinishReason,
  attempts: z.array(ProviderAttempt),
  latencyMs: z.number().int(),
  firstTokenMs: z.number().int().nullable(),
  toolCalls: z.array(ToolCallView).describe('tool calls made during this turn; a pending one waits for approval'),
  position: z.number().int().describe('stream position of the recorded answer (X-Min-Position for reading it back)'),
});

export const ConversationSummary = z.object({
  conversationId: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  via: z.enum(['chat', 'openai']),
  messageCount: z.number().int(),
  answerCount: z.number().int(),
  pendingApprovals: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const MessageView = z.object({
  messageId: z.uuid(),
  seq: z.number().int(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  replyTo: z.uuid().nullable(),
  sources: z.array(SourceView),
  citations: z.array(Citation),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  usage: TokenCounts.nullable(),
  costMicroUsd: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  firstTokenMs: z.number().int().nullable(),
  finishReason: FinishReason.nullable(),
  attempts: z.array(ProviderAttempt),
  feedback: z.object({ rating: z.enum(['up', 'down']), comment: z.string().nullable(), by: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});

export const createConversation = defineRoute({
  method: 'post',
  path: '/v1/conversations',
  summary: 'Start a conversation in a workspace',
  tags: ['chat'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  body: z.object({ workspaceId: z.uuid(), title: ConversationTitle.optional() }).strict(),
  response: CommandAccepted.extend({ conversationId: z.uuid() }),
  status: 201,
});

export const listConversations = defineRoute({
  method: 'get',
  path: '/v1/conversations',
  summary: 'The caller’s own conversations, newest activity first',
  tags: ['chat'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  query: PageQuery.extend(MinPositionQuery.shape).extend({ workspaceId: z.uuid().optional() }),
  response: Paged(ConversationSummary),
  status: 200,
});

export const getConversation = defineRoute({
  method: 'get',
  path: '/v1/conversations/{conversationId}',
  summary: 'A conversation with its messages (sources, citations, provider, usage, cost, feedback) and tool calls',
  tags: ['chat'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  params: ConversationParams,
  query: MinPositionQuery,
  response: ConversationSummary.extend({ messages: z.array(MessageView), toolCalls: z.array(ToolCallView) }),
  status: 200,
});

export const renameConversation = defineRoute({
  method: 'patch',
  path: '/v1/conversations/{conversationId}',
  summary: 'Rename a conversation',
  tags: ['chat'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  params: ConversationParams,
  body: z.object({ title: ConversationTitle }).strict(),
  response: CommandAccepted,
  status: 200,
});

export const deleteConversation = defineRoute({
  method: 'delete',
  path: '/v1/conversations/{conversationId}',
  summary: 'Delete a conversation (it stays in the log for audit)',
  tags: ['chat'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  params: ConversationParams,
  response: CommandAccepted,
  status: 200,
});

export const giveFeedback = defineRoute({
  method: 'post',
  path: '/v1/conversations/{conversationId}/messages/{messageId}/feedback',
  summary: 'Rate an answer up or down, with an optional comment',
  tags: ['chat'],
  auth: { scope: 'write' },
  headers: ['Idempotency-Key'],
  params: MessageParams,
  body: z.object({ rating: z.enum(['up', 'down']), comment: z.string().max(2_000).optional() }).strict(),
  response: CommandAccepted,
  status: 200,
});

export const postMessage = defineRoute({
  method: 'post',
  path: '/v1/conversations/{conversationId}/messages',
  summary:
    'Ask a question: retrieves from the workspace, answers with citations. With `Accept: text/event-stream` (or `stream: true`) the answer streams as SSE: `sources`, `token`..., possibly `reset` or `tool_call`, then `done` (or `error`).',
  tags: ['chat'],
  auth: { scope: 'write' },
  params: ConversationParams,
  body: z.object({ content: MessageContent, ...RetrievalOptions }).strict(),
  response: ChatAnswer,
  status: 200,
});

export const chat = defineRoute({
  method: 'post',
  path: '/v1/chat',
  summary: 'Ask in one call: continues `conversationId`, or starts a conversation in `workspaceId`; JSON or SSE as for messages',
  tags: ['chat'],
  auth: { scope: 'write' },
  body: z.object({ workspaceId: z.uuid(), message: MessageContent, conversationId: z.uuid().optional(), ...RetrievalOptions }).strict(),
  response: ChatAnswer,
  status: 200,
});

const Decision = z.object({ reason: z.string().max(500).optional(), stream: z.boolean().optional() }).strict();

export const approveToolCall = defineRoute({
  method: 'post',
  path: '/v1/conversations/{conversationId}/tool-calls/{toolCallId}/approve',
  summary: 'Approve a pending tool call (needs its required workspace role): the tool runs, then the answer resumes (JSON or SSE)',
  tags: ['chat'],
  auth: { scope: 'write' },
  params: ToolCallParams,
  body: Decision.optional(),
  response: ChatAnswer,
  status: 200,
});

export const rejectToolCall = defineRoute({
  method: 'post',
  path: '/v1/conversations/{conversationId}/tool-calls/{toolCallId}/reject',
  summary: 'Reject a pending tool call (needs its required workspace role): the answer resumes without it (JSON or SSE)',
  tags: ['chat'],
  auth: { scope: 'write' },
  params: ToolCallParams,
  body: Decision.optional(),
  response: ChatAnswer,
  status: 200,
});
