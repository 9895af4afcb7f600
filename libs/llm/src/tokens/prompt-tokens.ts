import type { PromptMessage, ToolSpec } from '../chat/chat-provider.types';
import { estimateTokens } from './token-estimate';

// OpenAI's accounting for chat models: each message is wrapped in about 4 tokens (start, role, separator,
// end) and the reply is primed with 3. Tool definitions go into a hidden system text; their JSON is a fair proxy.
const PER_MESSAGE = 4;
const REPLY_PRIMING = 3;
const PER_TOOL_CALL = 3;

/** Estimated prompt tokens of a chat request: the messages with their framing, tool calls and tool definitions. */
export function estimatePromptTokens(messages: readonly PromptMessage[], tools: readonly ToolSpec[] = []): number {
  let total = REPLY_PRIMING;
  for (const message of messages) {
    total += PER_MESSAGE + estimateTokens(message.content);
    if (message.role === 'assistant') {
      for (const call of message.toolCalls ?? []) total += PER_TOOL_CALL + estimateTokens(call.name) + estimateTokens(JSON.stringify(call.arguments));
    }
    if (message.role === 'tool') total += estimateTokens(message.toolCallId);
  }
  for (const tool of tools) total += estimateTokens(JSON.stringify(tool));
  return total;
}
