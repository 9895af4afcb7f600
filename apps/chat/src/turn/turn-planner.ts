import { Inject, Injectable } from '@nestjs/common';
import { invalid } from '@ragstream/domain';
import { createLogger } from '@ragstream/observability';
import { ReadModelGate } from '@ragstream/platform';
import { assemblePrompt, estimateTokens, type AssembledPrompt } from '@ragstream/llm';
import type { ChatConfig } from '../chat.config';
import { CONVERSATIONS_PROJECTION, ConversationQueries } from '../conversations/conversation.queries';
import { Retriever } from '../retrieval/retriever';
import { ToolRegistry } from '../tools/tool-registry';
import { CHAT_CONFIG } from '../tokens';
import type { PreparedTurn } from './prepared-turn';
import type { TurnPlan } from './turn.types';

const log = createLogger('chat-turn');

/** Retrieves for the question, reads the history and assembles the grounded prompt within the token budget. */
@Injectable()
export class TurnPlanner {
  constructor(
    private readonly retriever: Retriever,
    private readonly queries: ConversationQueries,
    private readonly tools: ToolRegistry,
    private readonly gate: ReadModelGate,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {}

  async plan(turn: PreparedTurn, supportsTools: boolean): Promise<TurnPlan> {
    const retrieved = await this.retriever.retrieve({
      tenantId: turn.principal.tenantId,
      workspaceId: turn.workspaceId,
      query: turn.question,
      k: turn.retrieval.k ?? this.config.CHAT_RETRIEVAL_K,
      mode: turn.retrieval.mode ?? this.config.CHAT_RETRIEVAL_MODE,
      filters: turn.retrieval.filters,
    });
    const history = turn.history ?? (await this.readHistory(turn));
    const prompt = this.assemble(turn.question, retrieved, history);
    return {
      principal: turn.principal,
      ctx: turn.ctx,
      access: turn.access,
      conversationId: turn.conversationId,
      workspaceId: turn.workspaceId,
      replyTo: turn.userMessageId,
      question: turn.question,
      messages: [...prompt.messages, ...(turn.resume ?? [])],
      sources: prompt.sources,
      tools: supportsTools ? this.tools.specs({ approvals: turn.approvals, exclude: turn.excludeTools }) : [],
      startedAt: turn.startedAt,
    };
  }

  // The previous answer was recorded a moment ago; a lagging read model would leave it out of the prompt.
  private async readHistory(turn: PreparedTurn) {
    if (turn.historyAt !== undefined) {
      await this.gate.reach(CONVERSATIONS_PROJECTION, turn.historyAt).catch((error) => log.warn({ err: error }, 'history read before the read model caught up'));
    }
    return this.queries.history(turn.principal.tenantId, turn.conversationId, turn.userMessageId);
  }

  private assemble(question: string, sources: Parameters<typeof assemblePrompt>[0]['sources'], history: Parameters<typeof assemblePrompt>[0]['history']): AssembledPrompt {
    const budget = { contextTokens: this.config.CHAT_CONTEXT_TOKENS, answerTokens: this.config.CHAT_MAX_ANSWER_TOKENS, historyTokens: this.config.CHAT_HISTORY_TOKENS };
    try {
      return assemblePrompt({ question, sources, history, budget, countTokens: estimateTokens });
    } catch (error) {
      if (error instanceof RangeError) throw invalid('CHAT.QUESTION_TOO_LONG', 'the question does not fit the prompt budget (CHAT_CONTEXT_TOKENS)');
      throw error;
    }
  }
}
