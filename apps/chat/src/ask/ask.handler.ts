import { Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import { isTurnAbandoned, type ConversationState } from '@ragstream/domain';
import type { HistoryTurn } from '@ragstream/llm';
import { ConversationAccess, conversationNotFound } from '../conversations/conversation-access';
import { ConversationCommands } from '../conversations/conversation-commands';
import { ConversationQueries } from '../conversations/conversation.queries';
import type { PreparedTurn, RetrievalOptions } from '../turn/prepared-turn';
import { TokenQuota } from './token-quota';

export interface Question extends RetrievalOptions {
  readonly content: string;
}

/**
 * Takes a question: the caller must have started the conversation, the workspace must have tokens
 * left this month; then the question is recorded (user_message_posted) and the turn is ready.
 * Everything here fails as a plain HTTP error, before any stream opens.
 */
@Injectable()
export class AskHandler {
  constructor(
    private readonly access: ConversationAccess,
    private readonly commands: ConversationCommands,
    private readonly quota: TokenQuota,
    private readonly queries: ConversationQueries,
  ) {}

  async prepare(principal: Principal, conversationId: string, question: Question, options: { history?: readonly HistoryTurn[]; approvals?: boolean; workspaceId?: string } = {}): Promise<PreparedTurn> {
    const startedAt = performance.now();
    const { state, access } = await this.access.own(principal, conversationId);
    if (options.workspaceId !== undefined && options.workspaceId !== state.workspaceId) throw conversationNotFound();
    await this.quota.check(principal.tenantId, state.workspaceId);
    const ctx = this.commands.context(principal, `conversation:ask:${conversationId}`);
    const userMessageId = ctx.id('user-message');
    const supersedeUnanswered = await this.abandoned(principal.tenantId, conversationId, state, ctx.now);
    const { position } = await this.commands.execute(ctx, conversationId, access, 'PostUserMessage', { messageId: userMessageId, content: question.content, supersedeUnanswered }, 'question');
    return {
      principal,
      ctx,
      access,
      conversationId,
      workspaceId: state.workspaceId,
      userMessageId,
      question: question.content,
      position,
      retrieval: { mode: question.mode, k: question.k, filters: question.filters },
      history: options.history,
      historyAt: Object.keys(state.messages).length > 0 ? position : undefined,
      approvals: options.approvals ?? true,
      startedAt,
    };
  }

  // A question left unanswered by a crash would block the conversation; past the timeout it gives way.
  private async abandoned(tenantId: string, conversationId: string, state: ConversationState, now: Date): Promise<boolean> {
    const last = state.lastUserMessageId;
    if (!last || !Object.hasOwn(state.messages, last)) return false;
    const message = state.messages[last];
    if (message.role !== 'user' || message.answered) return false;
    const postedAt = await this.queries.postedAt(tenantId, conversationId, last);
    return postedAt !== undefined && isTurnAbandoned(postedAt, now);
  }
}
