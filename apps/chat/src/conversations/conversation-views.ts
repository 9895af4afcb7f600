import type { ConversationSummary, MessageView, ToolCallView } from '@ragstream/contracts';
import type { z } from 'zod';

export interface ConversationRow {
  conversation_id: string;
  workspace_id: string;
  title: string;
  started_by: string;
  via: 'chat' | 'openai';
  message_count: number;
  answer_count: number;
  pending_approvals: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface MessageRow {
  message_id: string;
  seq: number;
  role: 'user' | 'assistant';
  content: string;
  reply_to: string | null;
  sources: any[] | null;
  citations: any[] | null;
  provider: string | null;
  model: string | null;
  usage: any | null;
  cost_micro_usd: string | number | null;
  latency_ms: number | null;
  first_token_ms: number | null;
  finish_reason: string | null;
  attempts: any[] | null;
  feedback_rating: 'up' | 'down' | null;
  feedback_comment: string | null;
  feedback_by: string | null;
  created_at: Date;
}

export interface ToolCallRow {
  tool_call_id: string;
  reply_to: string;
  tool: string;
  arguments: Record<string, unknown>;
  requires_approval: boolean;
  required_role: 'owner' | 'admin' | 'editor' | 'reader';
  status: 'pending' | 'approved' | 'rejected' | 'completed' | 'failed';
  decided_by: string | null;
  decision_reason: string | null;
  result: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const num = (v: string | number | null) => (v === null ? null : Number(v));

export function toSummary(r: ConversationRow): z.input<typeof ConversationSummary> {
  return {
    conversationId: r.conversation_id,
    workspaceId: r.workspace_id,
    title: r.title,
    via: r.via,
    messageCount: Number(r.message_count),
    answerCount: Number(r.answer_count),
    pendingApprovals: Number(r.pending_approvals),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: Number(r.version),
  };
}

export function toMessageView(r: MessageRow): z.input<typeof MessageView> {
  return {
    messageId: r.message_id,
    seq: Number(r.seq),
    role: r.role,
    content: r.content,
    replyTo: r.reply_to,
    sources: r.sources ?? [],
    citations: r.citations ?? [],
    provider: r.provider,
    model: r.model,
    usage: r.usage,
    costMicroUsd: num(r.cost_micro_usd),
    latencyMs: r.latency_ms,
    firstTokenMs: r.first_token_ms,
    finishReason: r.finish_reason as z.input<typeof MessageView>['finishReason'],
    attempts: r.attempts ?? [],
    feedback: r.feedback_rating ? { rating: r.feedback_rating, comment: r.feedback_comment, by: r.feedback_by } : null,
    createdAt: iso(r.created_at),
  };
}

export function toToolCallView(r: ToolCallRow): z.input<typeof ToolCallView> {
  return {
    toolCallId: r.tool_call_id,
    replyTo: r.reply_to,
    tool: r.tool,
    arguments: r.arguments,
    requiresApproval: r.requires_approval,
    requiredRole: r.required_role,
    status: r.status,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    result: r.result,
  };
}
