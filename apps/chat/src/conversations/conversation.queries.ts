import { Inject, Injectable } from '@nestjs/common';
import { visibleWorkspaces, type Principal } from '@ragstream/auth';
import type { listConversations, RouteInput } from '@ragstream/contracts';
import { DATA_SOURCE, ReadModelGate, decodeCursor, encodeCursor } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { actorRefOf, conversationNotFound } from './conversation-access';
import { toMessageView, toSummary, toToolCallView, type ConversationRow, type MessageRow, type ToolCallRow } from './conversation-views';

export const CONVERSATIONS_PROJECTION = 'conversations';

const SUMMARY_COLUMNS = `c.conversation_id, c.workspace_id, c.title, c.started_by, c.via, c.message_count, c.answer_count,
  c.pending_approvals, c.created_at, c.updated_at, c.version`;

/**
 * The caller's own conversations from the read model, in workspaces they can still read. Someone
 * else's conversation is absent, never forbidden (tenant admins read others through the audit API).
 */
@Injectable()
export class ConversationQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly gate: ReadModelGate,
  ) {}

  async list(principal: Principal, query: RouteInput<typeof listConversations>['query'], minPosition: number | undefined) {
    await this.gate.reach(CONVERSATIONS_PROJECTION, minPosition);
    const { where, params } = visibleWorkspaces(principal);
    const values: unknown[] = [...params];
    const add = (value: unknown) => `$${values.push(value)}`;
    const conditions = [`c.tenant_id = $1`, `c.started_by = ${add(actorRefOf(principal))}`, `c.deleted_at IS NULL`];
    if (query.workspaceId) conditions.push(`c.workspace_id = ${add(query.workspaceId)}`);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      conditions.push(`(c.updated_at, c.conversation_id) < (${add(after.at)}::timestamptz, ${add(after.id)})`);
    }
    const rows: ConversationRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM conversations c
       WHERE ${conditions.join(' AND ')} AND EXISTS (SELECT 1 FROM workspaces w WHERE ${where} AND w.workspace_id = c.workspace_id)
       ORDER BY c.updated_at DESC, c.conversation_id DESC LIMIT ${add(query.limit + 1)}`,
      values,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor(last.updated_at, last.conversation_id) : null };
  }

  async detail(principal: Principal, conversationId: string, minPosition: number | undefined) {
    await this.gate.reach(CONVERSATIONS_PROJECTION, minPosition);
    const row = await this.ownRow(principal, conversationId);
    const [messages, toolCalls]: [MessageRow[], ToolCallRow[]] = await Promise.all([
      this.db.query(`SELECT * FROM conversation_messages WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY seq`, [principal.tenantId, conversationId]),
      this.db.query(`SELECT * FROM conversation_tool_calls WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY created_at, tool_call_id`, [principal.tenantId, conversationId]),
    ]);
    return { ...toSummary(row), messages: messages.map(toMessageView), toolCalls: toolCalls.map(toToolCallView) };
  }

  /** The earlier turns of a conversation, oldest first, for the prompt's history. */
  async history(tenantId: string, conversationId: string, before: string): Promise<{ role: 'user' | 'assistant'; content: string }[]> {
    const rows: { role: 'user' | 'assistant'; content: string }[] = await this.db.query(
      `SELECT role, content FROM conversation_messages
       WHERE tenant_id = $1 AND conversation_id = $2 AND message_id <> $3 AND content <> ''
         AND (finish_reason IS NULL OR finish_reason NOT IN ('failed', 'tool_approval'))
       ORDER BY seq`,
      [tenantId, conversationId, before],
    );
    return rows;
  }

  /** When a user message was posted, if the read model has it yet. */
  async postedAt(tenantId: string, conversationId: string, messageId: string): Promise<Date | undefined> {
    const rows: { created_at: Date }[] = await this.db.query(
      `SELECT created_at FROM conversation_messages WHERE tenant_id = $1 AND conversation_id = $2 AND message_id = $3`,
      [tenantId, conversationId, messageId],
    );
    return rows[0]?.created_at;
  }

  private async ownRow(principal: Principal, conversationId: string): Promise<ConversationRow> {
    const { where, params } = visibleWorkspaces(principal);
    const rows: ConversationRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM conversations c
       WHERE c.tenant_id = $1 AND c.conversation_id = $${params.length + 1} AND c.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM workspaces w WHERE ${where} AND w.workspace_id = c.workspace_id)`,
      [...params, conversationId],
    );
    if (!rows[0] || rows[0].started_by !== actorRefOf(principal)) throw conversationNotFound();
    return rows[0];
  }
}
