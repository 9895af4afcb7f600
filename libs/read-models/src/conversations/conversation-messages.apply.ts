import type { ConversationEvent } from '@ragstream/contracts';
import type { SqlExecutor, TableNames } from '@ragstream/projections';
import { guarded, unapplied, type Written } from './conversations.guard';
import type { ConversationsTable } from './conversations.tables';

type MessageEvent = Extract<ConversationEvent, { type: 'conversation.user_message_posted' | 'conversation.answer_recorded' | 'conversation.feedback_given' }>;
type AnswerData = Extract<MessageEvent, { type: 'conversation.answer_recorded' }>['data'];

const MESSAGE_COLUMNS = `tenant_id, conversation_id, message_id, seq, role, content, reply_to, sources, citations, provider, model, usage,
  cost_micro_usd, latency_ms, first_token_ms, finish_reason, attempts, created_at, position`;

/** Messages in log order (seq from the conversation's count), feedback on answers, and each answer's usage. */
export async function applyMessageEvent(sql: SqlExecutor, t: TableNames<ConversationsTable>, e: MessageEvent, w: Written): Promise<void> {
  switch (e.type) {
    case 'conversation.user_message_posted':
      await guarded(
        sql,
        w,
        `INSERT INTO ${t('conversation_messages')} (${MESSAGE_COLUMNS})
         SELECT c.tenant_id, c.conversation_id, $4::text, c.message_count + 1, 'user', $5::text, NULL, '[]', '[]',
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, $6::timestamptz, $3::bigint
         FROM ${t('conversations')} c WHERE ${unapplied()} ON CONFLICT (tenant_id, message_id) DO NOTHING`,
        e.data.messageId,
        e.data.content,
        w.at,
      );
      await guarded(sql, w, `UPDATE ${t('conversations')} c SET message_count = message_count + $4 WHERE ${unapplied()}`, 1);
      return;
    case 'conversation.answer_recorded':
      await insertAnswer(sql, t, e.data, w);
      await addUsage(sql, t, e.data, w);
      await guarded(sql, w, `UPDATE ${t('conversations')} c SET message_count = message_count + $4, answer_count = answer_count + $4 WHERE ${unapplied()}`, 1);
      return;
    case 'conversation.feedback_given': {
      const { messageId, rating, comment, by } = e.data;
      await guarded(
        sql,
        w,
        `UPDATE ${t('conversation_messages')} m SET feedback_rating = $5, feedback_comment = $6, feedback_by = $7
         WHERE m.tenant_id = $1 AND m.conversation_id = $2 AND m.message_id = $4
           AND EXISTS (SELECT 1 FROM ${t('conversations')} c WHERE ${unapplied()})`,
        messageId,
        rating,
        comment ?? null,
        by,
      );
      return;
    }
  }
}

function insertAnswer(sql: SqlExecutor, t: TableNames<ConversationsTable>, a: AnswerData, w: Written) {
  // Arrays as JSON text: node-postgres would send a JS array as a Postgres array literal.
  return guarded(
    sql,
    w,
    `INSERT INTO ${t('conversation_messages')} (${MESSAGE_COLUMNS})
     SELECT c.tenant_id, c.conversation_id, $4::text, c.message_count + 1, 'assistant', $5::text, $6::text, $7::jsonb, $8::jsonb,
       $9::text, $10::text, $11::jsonb, $12::bigint, $13::integer, $14::integer, $15::text, $16::jsonb, $17::timestamptz, $3::bigint
     FROM ${t('conversations')} c WHERE ${unapplied()} ON CONFLICT (tenant_id, message_id) DO NOTHING`,
    a.messageId,
    a.content,
    a.replyTo,
    JSON.stringify(a.sources),
    JSON.stringify(a.citations),
    a.provider,
    a.model,
    JSON.stringify(a.usage),
    a.costMicroUsd,
    a.latencyMs,
    a.firstTokenMs,
    a.finishReason,
    JSON.stringify(a.attempts),
    w.at,
  );
}

/** Adds the answer to its workspace's month (UTC, by the commit's time); deleting the conversation later keeps it. */
function addUsage(sql: SqlExecutor, t: TableNames<ConversationsTable>, a: AnswerData, w: Written) {
  const { promptTokens, completionTokens, totalTokens } = a.usage;
  return guarded(
    sql,
    w,
    `INSERT INTO ${t('chat_usage')} AS u (tenant_id, workspace_id, period, answers, prompt_tokens, completion_tokens, total_tokens, cost_micro_usd)
     SELECT c.tenant_id, c.workspace_id, date_trunc('month', $4::timestamptz AT TIME ZONE 'UTC')::date, 1, $5::bigint, $6::bigint, $7::bigint, $8::bigint
     FROM ${t('conversations')} c WHERE ${unapplied()}
     ON CONFLICT (tenant_id, workspace_id, period) DO UPDATE SET answers = u.answers + 1,
       prompt_tokens = u.prompt_tokens + excluded.prompt_tokens, completion_tokens = u.completion_tokens + excluded.completion_tokens,
       total_tokens = u.total_tokens + excluded.total_tokens, cost_micro_usd = u.cost_micro_usd + excluded.cost_micro_usd`,
    w.at,
    promptTokens,
    completionTokens,
    totalTokens,
    a.costMicroUsd,
  );
}
