import type { SqlExecutor, TableNames } from '@ragstream/projections';

export const conversationsTables = ['conversations', 'conversation_messages', 'conversation_tool_calls', 'chat_usage'] as const;
export type ConversationsTable = (typeof conversationsTables)[number];

/**
 * DDL of one version of the conversations read model. `message_count` counts every message, user
 * and assistant, so a message's `seq` is the count once it is added; `position` on a conversation
 * is the last commit applied to it, which guards every write of a redelivered commit.
 */
export async function createConversationsTables(sql: SqlExecutor, t: TableNames<ConversationsTable>): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS ${t('conversations')} (
      tenant_id text NOT NULL, conversation_id text NOT NULL, workspace_id text NOT NULL, title text NOT NULL,
      started_by text NOT NULL, via text NOT NULL, message_count integer NOT NULL, answer_count integer NOT NULL,
      pending_approvals integer NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, deleted_at timestamptz,
      version integer NOT NULL, position bigint NOT NULL,
      PRIMARY KEY (tenant_id, conversation_id));
    CREATE INDEX IF NOT EXISTS ${t('conversations')}_starter ON ${t('conversations')} (tenant_id, workspace_id, started_by, updated_at DESC);
    CREATE TABLE IF NOT EXISTS ${t('conversation_messages')} (
      tenant_id text NOT NULL, conversation_id text NOT NULL, message_id text NOT NULL, seq integer NOT NULL, role text NOT NULL,
      content text NOT NULL, reply_to text, sources jsonb NOT NULL, citations jsonb NOT NULL,
      provider text, model text, usage jsonb, cost_micro_usd bigint, latency_ms integer, first_token_ms integer, finish_reason text, attempts jsonb,
      feedback_rating text, feedback_comment text, feedback_by text, created_at timestamptz NOT NULL, position bigint NOT NULL,
      PRIMARY KEY (tenant_id, message_id));
    CREATE INDEX IF NOT EXISTS ${t('conversation_messages')}_seq ON ${t('conversation_messages')} (tenant_id, conversation_id, seq);
    CREATE TABLE IF NOT EXISTS ${t('conversation_tool_calls')} (
      tenant_id text NOT NULL, conversation_id text NOT NULL, workspace_id text NOT NULL, tool_call_id text NOT NULL,
      reply_to text NOT NULL, tool text NOT NULL, arguments jsonb NOT NULL, requires_approval boolean NOT NULL, required_role text NOT NULL,
      status text NOT NULL, decided_by text, decision_reason text, result text,
      created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, position bigint NOT NULL,
      PRIMARY KEY (tenant_id, conversation_id, tool_call_id));
    CREATE INDEX IF NOT EXISTS ${t('conversation_tool_calls')}_status ON ${t('conversation_tool_calls')} (tenant_id, workspace_id, status);
    CREATE TABLE IF NOT EXISTS ${t('chat_usage')} (
      tenant_id text NOT NULL, workspace_id text NOT NULL, period date NOT NULL, answers integer NOT NULL,
      prompt_tokens bigint NOT NULL, completion_tokens bigint NOT NULL, total_tokens bigint NOT NULL, cost_micro_usd bigint NOT NULL,
      PRIMARY KEY (tenant_id, workspace_id, period));
  `);
}
