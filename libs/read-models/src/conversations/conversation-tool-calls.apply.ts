import type { ConversationEvent } from '@ragstream/contracts';
import type { SqlExecutor, TableNames } from '@ragstream/projections';
import { guarded, unapplied, type Written } from './conversations.guard';
import type { ConversationsTable } from './conversations.tables';

type ToolCallEvent = Extract<
  ConversationEvent,
  { type: 'conversation.tool_call_requested' | 'conversation.tool_call_decided' | 'conversation.tool_call_completed' }
>;

/** A rejected call stays 'rejected' when its completion (the model's notice) arrives. */
const STATUS_OF_OUTCOME = { ok: 'completed', error: 'failed', rejected: 'rejected' } as const;

/** Tool calls with their approval status, and the conversation's count of calls awaiting approval. */
export async function applyToolCallEvent(sql: SqlExecutor, t: TableNames<ConversationsTable>, e: ToolCallEvent, w: Written): Promise<void> {
  switch (e.type) {
    case 'conversation.tool_call_requested': {
      const d = e.data;
      await guarded(
        sql,
        w,
        `INSERT INTO ${t('conversation_tool_calls')} (tenant_id, conversation_id, workspace_id, tool_call_id, reply_to, tool, arguments,
           requires_approval, required_role, status, decided_by, decision_reason, result, created_at, updated_at, position)
         SELECT c.tenant_id, c.conversation_id, c.workspace_id, $4::text, $5::text, $6::text, $7::jsonb, $8::boolean, $9::text,
           $10::text, NULL, NULL, NULL, $11::timestamptz, $11::timestamptz, $3::bigint
         FROM ${t('conversations')} c WHERE ${unapplied()} ON CONFLICT (tenant_id, conversation_id, tool_call_id) DO NOTHING`,
        d.toolCallId,
        d.replyTo,
        d.tool,
        JSON.stringify(d.arguments),
        d.requiresApproval,
        d.requiredRole,
        d.requiresApproval ? 'pending' : 'approved',
        w.at,
      );
      if (d.requiresApproval) await countPending(sql, t, w, 1);
      return;
    }
    case 'conversation.tool_call_decided': {
      const { toolCallId, decision, by, reason } = e.data;
      await updateCall(sql, t, w, toolCallId, 'status = $6, decided_by = $7, decision_reason = $8', decision, by, reason ?? null);
      await countPending(sql, t, w, -1);
      return;
    }
    case 'conversation.tool_call_completed': {
      const { toolCallId, outcome, result } = e.data;
      await updateCall(sql, t, w, toolCallId, 'status = $6, result = $7', STATUS_OF_OUTCOME[outcome], result);
      return;
    }
  }
}

function updateCall(sql: SqlExecutor, t: TableNames<ConversationsTable>, w: Written, toolCallId: string, set: string, ...values: unknown[]) {
  return guarded(
    sql,
    w,
    `UPDATE ${t('conversation_tool_calls')} tc SET ${set}, updated_at = $5, position = $3
     WHERE tc.tenant_id = $1 AND tc.conversation_id = $2 AND tc.tool_call_id = $4
       AND EXISTS (SELECT 1 FROM ${t('conversations')} c WHERE ${unapplied()})`,
    toolCallId,
    w.at,
    ...values,
  );
}

function countPending(sql: SqlExecutor, t: TableNames<ConversationsTable>, w: Written, by: number) {
  return guarded(sql, w, `UPDATE ${t('conversations')} c SET pending_approvals = pending_approvals + $4 WHERE ${unapplied()}`, by);
}
