import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import { notFound } from '@ragstream/domain';
import type { PromptMessage } from '@ragstream/llm';
import { DATA_SOURCE, ReadModelGate } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { TokenQuota } from '../ask/token-quota';
import { ConversationAccess } from '../conversations/conversation-access';
import { ConversationCommands } from '../conversations/conversation-commands';
import { CONVERSATIONS_PROJECTION } from '../conversations/conversation.queries';
import type { PreparedTurn } from '../turn/prepared-turn';
import { ToolRegistry } from './tool-registry';

const toolCallNotFound = () => notFound('CONVERSATION.TOOL_CALL_NOT_FOUND', 'no such tool call');

interface PausedTurn {
  tool: string;
  arguments: Record<string, unknown>;
  reply_to: string;
  question: string;
  partial: string | null;
}

/**
 * Approves or rejects a pending tool call (any member holding its required role), runs an approved
 * tool as the approver, records the outcome, and prepares the paused turn to resume with the result.
 */
@Injectable()
export class ToolDecisionHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly access: ConversationAccess,
    private readonly commands: ConversationCommands,
    private readonly registry: ToolRegistry,
    private readonly quota: TokenQuota,
    private readonly gate: ReadModelGate,
  ) {}

  async decide(principal: Principal, conversationId: string, toolCallId: string, decision: 'approved' | 'rejected', reason?: string): Promise<PreparedTurn> {
    const startedAt = performance.now();
    const { state, access } = await this.access.inWorkspace(principal, conversationId);
    if (!Object.hasOwn(state.toolCalls, toolCallId)) throw toolCallNotFound();
    // Before deciding: a decision whose answer cannot follow would leave the turn hanging.
    await this.quota.check(principal.tenantId, state.workspaceId);
    const ctx = this.commands.context(principal, `conversation:tool-decision:${conversationId}:${toolCallId}`);
    const decided = await this.commands.execute(ctx, conversationId, access, 'DecideToolCall', { toolCallId, decision, reason }, 'decision');
    // The paused turn (question, call, partial answer) is read back from the read model, which has it once it reached the decision.
    await this.gate.reach(CONVERSATIONS_PROJECTION, decided.position);
    const paused = await this.paused(principal.tenantId, conversationId, toolCallId);
    let result: string;
    let position = decided.position;
    if (decision === 'approved') {
      const context = { principal, conversationId, workspaceId: state.workspaceId, sources: [] };
      const ran = await this.registry.run(paused.tool, context, paused.arguments);
      result = ran.result.slice(0, 16_000);
      position = (await this.commands.execute(ctx, conversationId, access, 'CompleteToolCall', { toolCallId, outcome: ran.outcome, result }, 'tool-done')).position;
    } else {
      result = JSON.stringify({ error: 'rejected by an approver', ...(reason === undefined ? {} : { reason }) });
    }
    const resume: PromptMessage[] = [
      { role: 'assistant', content: paused.partial ?? '', toolCalls: [{ id: toolCallId, name: paused.tool, arguments: paused.arguments }] },
      { role: 'tool', toolCallId, content: result },
    ];
    return {
      principal,
      ctx,
      access,
      conversationId,
      workspaceId: state.workspaceId,
      userMessageId: paused.reply_to,
      question: paused.question,
      position,
      retrieval: {},
      resume,
      approvals: true,
      excludeTools: decision === 'rejected' ? [paused.tool] : [],
      startedAt,
    };
  }

  private async paused(tenantId: string, conversationId: string, toolCallId: string): Promise<PausedTurn> {
    const rows: PausedTurn[] = await this.db.query(
      `SELECT tc.tool, tc.arguments, tc.reply_to, q.content AS question,
         (SELECT a.content FROM conversation_messages a WHERE a.tenant_id = tc.tenant_id AND a.conversation_id = tc.conversation_id
            AND a.reply_to = tc.reply_to AND a.finish_reason = 'tool_approval' ORDER BY a.seq DESC LIMIT 1) AS partial
       FROM conversation_tool_calls tc
       JOIN conversation_messages q ON q.tenant_id = tc.tenant_id AND q.conversation_id = tc.conversation_id AND q.message_id = tc.reply_to
       WHERE tc.tenant_id = $1 AND tc.conversation_id = $2 AND tc.tool_call_id = $3`,
      [tenantId, conversationId, toolCallId],
    );
    if (!rows[0]) throw toolCallNotFound();
    return rows[0];
  }
}
