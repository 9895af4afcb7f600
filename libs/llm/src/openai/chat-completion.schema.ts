import { z } from 'zod';
import type { ChatCompletion, ChatDelta, TokenUsage } from './chat-completion.types';
import { WireToolCall, WireToolCallDelta, toolCallDeltasOf, toolCallsOf } from './tool-calls.schema';

// Lenient on purpose: servers differ in which optional fields they fill in.
const WireUsage = z.object({
  prompt_tokens: z.number().optional(),
  completion_tokens: z.number().optional(),
  total_tokens: z.number().optional(),
});

/** A non-streamed chat completion response, as far as Ragstream reads it. */
export const ChatCompletionWire = z.object({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), tool_calls: z.array(WireToolCall).nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: WireUsage.nullish(),
});

/** One `data:` chunk of a streamed completion; a usage-only final chunk has no choices. */
export const ChatChunkWire = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish(), tool_calls: z.array(WireToolCallDelta).nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .default([]),
  usage: WireUsage.nullish(),
});

/** Some servers report a failure inside a 200 stream as `data: {"error": {...}}`. */
export const StreamErrorWire = z.object({ error: z.union([z.string(), z.object({ message: z.string() })]) });

function usageOf(usage: z.infer<typeof WireUsage> | null | undefined): TokenUsage | undefined {
  if (!usage) return undefined;
  const promptTokens = usage.prompt_tokens ?? 0;
  const completionTokens = usage.completion_tokens ?? 0;
  return { promptTokens, completionTokens, totalTokens: usage.total_tokens ?? promptTokens + completionTokens };
}

/** Reads the first choice of a completion. */
export function toChatCompletion(wire: z.infer<typeof ChatCompletionWire>): ChatCompletion {
  const [first] = wire.choices;
  const completion = { id: wire.id, model: wire.model, content: first.message.content ?? '', finishReason: first.finish_reason ?? null, usage: usageOf(wire.usage) };
  const toolCalls = toolCallsOf(first.message.tool_calls);
  return toolCalls ? { ...completion, toolCalls } : completion;
}

/** Reads the first choice of a stream chunk. */
export function toChatDelta(wire: z.infer<typeof ChatChunkWire>): ChatDelta {
  const first = wire.choices[0];
  const delta = { content: first?.delta?.content ?? '', finishReason: first?.finish_reason ?? null, usage: usageOf(wire.usage) };
  const toolCalls = toolCallDeltasOf(first?.delta?.tool_calls);
  return toolCalls ? { ...delta, toolCalls } : delta;
}
