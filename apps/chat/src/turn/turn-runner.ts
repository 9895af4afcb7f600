import { Inject, Injectable } from '@nestjs/common';
import type { ChatTurnRequest, GroundingSource, PromptMessage, ProviderChain } from '@ragstream/llm';
import type { ChatConfig } from '../chat.config';
import type { TurnSink } from '../ask/turn-sink';
import { CHAT_CONFIG } from '../tokens';
import { readRound, type RoundResult } from './model-round';
import { ToolCallRecorder } from './tool-call-recorder';
import type { TurnOutput, TurnPlan } from './turn.types';
import { UsageMeter } from './usage-meter';

/**
 * Drives the model through a turn: streams its answer, runs tools that need no approval and calls
 * it again with their results (a bounded number of rounds), and pauses on a tool that needs approval.
 */
@Injectable()
export class TurnRunner {
  constructor(
    private readonly tools: ToolCallRecorder,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {}

  async run(plan: TurnPlan, chain: ProviderChain, sink: TurnSink, signal: AbortSignal): Promise<TurnOutput> {
    let messages: PromptMessage[] = [...plan.messages];
    let sources: GroundingSource[] = [...plan.sources];
    const meter = new UsageMeter();
    const attempts: TurnOutput['attempts'] = [];
    const toolCalls: TurnOutput['toolCalls'] = [];
    let firstTokenMs: number | null = null;
    const onToken = () => (firstTokenMs ??= Math.round(performance.now() - plan.startedAt));
    for (let round = 0; ; round++) {
      const offerTools = round < this.config.CHAT_MAX_TOOL_ROUNDS && plan.tools.length > 0;
      const request: ChatTurnRequest = {
        messages,
        question: plan.question,
        sources,
        tools: offerTools ? plan.tools : undefined,
        maxTokens: this.config.CHAT_MAX_ANSWER_TOKENS,
      };
      const result = await readRound(chain, request, sink, signal, onToken);
      attempts.push(...result.attempts);
      meter.add(messages, request.tools, result);
      const finish = (finishReason: string): TurnOutput => ({
        ...outputOf(result, finishReason),
        attempts,
        usage: meter.total(),
        sources,
        toolCalls,
        firstTokenMs,
      });
      if (result.cancelled) return finish('cancelled');
      if (result.calls.length === 0 || !offerTools) return finish(result.done?.finishReason ?? 'stop');
      const step = await this.tools.handle(plan, sources, result.calls, sink, round);
      toolCalls.push(...step.views);
      if (step.paused) return finish('tool_approval');
      // Text the model wrote before calling tools was a preamble: the answer is the next round's.
      if (result.text) sink.reset('the model called a tool');
      sources = [...sources, ...step.sources];
      messages = [...messages, { role: 'assistant', content: result.text, toolCalls: result.calls }, ...step.replies];
    }
  }
}

function outputOf(result: RoundResult, finishReason: string) {
  return {
    text: result.text,
    provider: result.provider,
    model: result.model,
    finishReason,
    providerCitations: result.done?.citations,
  };
}

