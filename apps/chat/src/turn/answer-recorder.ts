import { Injectable } from '@nestjs/common';
import type { ChatAnswer } from '@ragstream/contracts';
import type { AnswerData } from '@ragstream/domain';
import { createLogger } from '@ragstream/observability';
import type { z } from 'zod';
import { ConversationCommands } from '../conversations/conversation-commands';
import { ChatMetrics } from '../health/chat-metrics';
import { ChatProviders } from '../providers/chat-providers';
import { attemptsOf, citeAnswer, finishReasonOf, toSourceChunk, toSourceView } from './answer-data';
import type { PreparedTurn } from './prepared-turn';
import type { TurnOutput } from './turn.types';

export type ChatAnswerData = z.input<typeof ChatAnswer>;

const log = createLogger('chat-turn');

/** Turns what the model produced into the recorded answer: citations, usage, cost, latency; appended with RecordAnswer. */
@Injectable()
export class AnswerRecorder {
  constructor(
    private readonly commands: ConversationCommands,
    private readonly providers: ChatProviders,
    private readonly metrics: ChatMetrics,
  ) {}

  async record(turn: PreparedTurn, output: TurnOutput): Promise<ChatAnswerData> {
    const { content, citations } = citeAnswer(output.text, output.sources, output.providerCitations);
    const finishReason = finishReasonOf(output.finishReason);
    const kept = output.sources.slice(0, 64);
    const keptIds = new Set(kept.map((s) => s.id));
    const answer: AnswerData = {
      messageId: turn.ctx.id('answer'),
      replyTo: turn.userMessageId,
      content: content.slice(0, 64_000),
      sources: kept.map(toSourceChunk),
      citations: citations.filter((c) => keptIds.has(c.sourceId)),
      provider: output.provider.slice(0, 100),
      model: output.model.slice(0, 200),
      usage: output.usage,
      costMicroUsd: this.providers.costMicroUsd(output.provider, output.model, output.usage),
      latencyMs: Math.round(performance.now() - turn.startedAt),
      firstTokenMs: output.firstTokenMs,
      finishReason,
      attempts: attemptsOf(output.attempts),
    };
    const { position } = await this.commands.execute(turn.ctx, turn.conversationId, turn.access, 'RecordAnswer', { answer }, 'answer');
    this.metrics.recordTurn(answer);
    if (finishReason !== 'cancelled' && answer.attempts.some((a) => a.outcome !== 'answered')) {
      log.warn({ conversationId: turn.conversationId, attempts: answer.attempts, provider: answer.provider }, 'answered after provider fallback');
    }
    return {
      ...answer,
      conversationId: turn.conversationId,
      sources: kept.map(toSourceView),
      toolCalls: output.toolCalls,
      position,
    };
  }

  /**
   * Closes a turn that produced no answer (the client left before the model spoke, or nothing could
   * answer), so the conversation takes the next question at once. Best effort: the error that got
   * us here matters more than this one.
   */
  async recordEmpty(turn: PreparedTurn, finishReason: 'cancelled' | 'failed', attempts: TurnOutput['attempts'] = []): Promise<void> {
    const answer: AnswerData = {
      messageId: turn.ctx.id('answer'),
      replyTo: turn.userMessageId,
      content: '',
      sources: [],
      citations: [],
      provider: 'none',
      model: 'none',
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0, estimated: true },
      costMicroUsd: 0,
      latencyMs: Math.round(performance.now() - turn.startedAt),
      firstTokenMs: null,
      finishReason,
      attempts: attemptsOf(attempts),
    };
    try {
      await this.commands.execute(turn.ctx, turn.conversationId, turn.access, 'RecordAnswer', { answer }, 'answer');
    } catch (error) {
      log.error({ err: error, conversationId: turn.conversationId }, 'could not close the failed turn');
    }
  }
}
