import type { ConversationEvent } from '@ragstream/contracts';
import type { Commit } from '@ragstream/event-store';
import type { Projection, SqlExecutor, TableNames } from '@ragstream/projections';
import { applyMessageEvent } from './conversation-messages.apply';
import { applyToolCallEvent } from './conversation-tool-calls.apply';
import { guarded, unapplied, type Written } from './conversations.guard';
import { conversationsTables, createConversationsTables, type ConversationsTable } from './conversations.tables';

type T = TableNames<ConversationsTable>;

/** Conversations, their messages and tool calls for the chat app, and monthly usage per workspace for its quotas. */
export const conversationsProjection: Projection<ConversationsTable> = {
  name: 'conversations',
  version: 1,
  tables: conversationsTables,
  setup: createConversationsTables,
  async apply(sql: SqlExecutor, commit: Commit, t: T) {
    const { envelope } = commit;
    if (envelope.aggregateType !== 'conversation') return;
    const w: Written = { tenantId: envelope.tenantId, conversationId: envelope.aggregateId, position: commit.position, version: envelope.version, at: envelope.occurredAt };
    for (const event of commit.events) await applyConversationEvent(sql, t, event as ConversationEvent, w);
    await guarded(sql, w, `UPDATE ${t('conversations')} c SET updated_at = $4, version = $5, position = $3 WHERE ${unapplied()}`, w.at, w.version);
  },
};

async function applyConversationEvent(sql: SqlExecutor, t: T, e: ConversationEvent, w: Written): Promise<void> {
  switch (e.type) {
    case 'conversation.started': {
      const { workspaceId, title, startedBy, via } = e.data;
      // Position 0 until the commit's stamp, so the commit's own guarded writes still see it unapplied.
      await sql.query(
        `INSERT INTO ${t('conversations')} (tenant_id, conversation_id, workspace_id, title, started_by, via, message_count, answer_count,
           pending_approvals, created_at, updated_at, deleted_at, version, position)
         VALUES ($1,$2,$3,$4,$5,$6,0,0,0,$7,$7,NULL,0,0) ON CONFLICT (tenant_id, conversation_id) DO NOTHING`,
        [w.tenantId, w.conversationId, workspaceId, title, startedBy, via, w.at],
      );
      return;
    }
    case 'conversation.renamed':
      await guarded(sql, w, `UPDATE ${t('conversations')} c SET title = $4 WHERE ${unapplied()}`, e.data.title);
      return;
    case 'conversation.deleted':
      // Content does not outlive a delete in the read model (the log keeps it for audits); usage stays.
      await guarded(sql, w, `UPDATE ${t('conversations')} c SET deleted_at = $4, pending_approvals = 0 WHERE ${unapplied()}`, w.at);
      await sql.query(`DELETE FROM ${t('conversation_messages')} WHERE tenant_id = $1 AND conversation_id = $2`, [w.tenantId, w.conversationId]);
      await sql.query(`DELETE FROM ${t('conversation_tool_calls')} WHERE tenant_id = $1 AND conversation_id = $2`, [w.tenantId, w.conversationId]);
      return;
    case 'conversation.user_message_posted':
    case 'conversation.answer_recorded':
    case 'conversation.feedback_given':
      return applyMessageEvent(sql, t, e, w);
    case 'conversation.tool_call_requested':
    case 'conversation.tool_call_decided':
    case 'conversation.tool_call_completed':
      return applyToolCallEvent(sql, t, e, w);
  }
}
