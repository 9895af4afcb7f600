import type { ChatCompletion } from '@ragstream/contracts';
import type { z } from 'zod';
import type { ChatAnswerData } from '../turn/answer-recorder';

type Completion = z.input<typeof ChatCompletion>;

/** OpenAI's finish reasons; Ragstream's own ones (no_answer, cancelled...) read as a normal stop. */
export function openAiFinishReason(reason: string): string {
  return reason === 'length' || reason === 'content_filter' ? reason : 'stop';
}

export const completionId = (messageId: string) => `chatcmpl-${messageId}`;

/** Where the answer came from, beside the standard fields. */
export function ragstreamExtension(answer: ChatAnswerData): Completion['ragstream'] {
  return {
    conversationId: answer.conversationId,
    messageId: answer.messageId,
    sources: answer.sources,
    citations: answer.citations,
    provider: answer.provider,
    finishReason: answer.finishReason,
    costMicroUsd: answer.costMicroUsd,
    usageEstimated: answer.usage.estimated,
    position: answer.position,
  };
}

export function usageOf(answer: ChatAnswerData) {
  return { prompt_tokens: answer.usage.promptTokens, completion_tokens: answer.usage.completionTokens, total_tokens: answer.usage.totalTokens };
}

/** A non-streamed `chat.completion`; `model` echoes what the client asked for, as OpenAI does. */
export function toCompletion(answer: ChatAnswerData, model: string, created: number): Completion {
  return {
    id: completionId(answer.messageId),
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: answer.content }, finish_reason: openAiFinishReason(answer.finishReason) }],
    usage: usageOf(answer),
    ragstream: ragstreamExtension(answer),
  };
}

/** One `chat.completion.chunk`. */
export function chunk(id: string, model: string, created: number, delta: Record<string, unknown>, finishReason: string | null, extra: Record<string, unknown> = {}) {
  return { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra };
}
