import { createEventRegistry, type ConversationEvent, type WorkspaceRole } from '@ragstream/contracts';
import type { WorkspaceAccess } from '../document';
import type { CommandMetadata } from '../shared';
import { asUser, id } from '../testing/identity.fixtures';
import type { AnswerData, ConversationCommand } from './conversation.commands';

export const registry = createEventRegistry();
export const WS = id(0xa1);
export const OTHER_WS = id(0xa2);
export const STARTER = id(1);
export const OTHER = id(2);
export const Q1 = id(0x11);
export const Q2 = id(0x12);
export const A1 = id(0x21);
export const A2 = id(0x22);
export const DOC = id(0xd0c);

export const access = (role: WorkspaceRole | null = 'reader', over: Partial<WorkspaceAccess> = {}): WorkspaceAccess => ({
  workspaceId: WS,
  exists: true,
  archived: false,
  role,
  ...over,
});

/** A command by the starter, a reader, unless `metadata` or `access` say otherwise. */
export const cmd = (type: ConversationCommand['type'], data: object = {}, metadata: CommandMetadata = asUser(STARTER)): ConversationCommand =>
  ({ type, data: { access: access(), ...data }, metadata }) as ConversationCommand;
export const byOther = (role: WorkspaceRole | null) => (type: ConversationCommand['type'], data: object = {}) =>
  cmd(type, { access: access(role), ...data }, asUser(OTHER));

export const started: ConversationEvent = { type: 'conversation.started', data: { workspaceId: WS, title: 'Pricing', startedBy: `user:${STARTER}`, via: 'chat' } };
export const posted = (messageId = Q1, content = 'What does it cost?'): ConversationEvent => ({ type: 'conversation.user_message_posted', data: { messageId, content } });
export const deleted: ConversationEvent = { type: 'conversation.deleted', data: {} };

const anchor = { start: 0, end: 20, page: 1, pageEnd: null, startMs: null, endMs: null, headingPath: ['Prices'] };
export const source = (n = 1, chunkIndex = 0) => ({ id: n, documentId: DOC, revision: 1, chunkIndex, title: 'Price list', score: 0.9, anchor });
export const citation = (sourceId = 1, over: object = {}) => ({ sourceId, documentId: DOC, revision: 1, chunkIndex: 0, quote: '10 EUR', anchor, ...over });

export const answer = (over: Partial<AnswerData> = {}): AnswerData => ({
  messageId: A1,
  replyTo: Q1,
  content: 'It costs 10 EUR [1].',
  sources: [source(1)],
  citations: [citation(1)],
  provider: 'offline',
  model: 'echo',
  usage: { promptTokens: 100, completionTokens: 20, totalTokens: 120, estimated: false },
  costMicroUsd: 42,
  latencyMs: 900,
  firstTokenMs: 300,
  finishReason: 'stop',
  attempts: [{ provider: 'offline', model: 'echo', outcome: 'answered', ms: 900 }],
  ...over,
});
export const answered = (over: Partial<AnswerData> = {}): ConversationEvent => ({ type: 'conversation.answer_recorded', data: answer(over) });

export const toolCall = (over: object = {}) => ({
  toolCallId: 'call_1',
  replyTo: Q1,
  tool: 'delete_document',
  arguments: { documentId: DOC },
  requiresApproval: true,
  requiredRole: 'editor' as WorkspaceRole,
  ...over,
});
export const toolRequested = (over: object = {}): ConversationEvent => ({ type: 'conversation.tool_call_requested', data: toolCall(over) });
