import type { ChatMessage } from '../openai/chat-completion.types';
import type { ChatTool } from '../openai/chat-tools.types';
import type { PromptMessage, ToolSpec } from './chat-provider.types';

/**
 * Maps the prompt to OpenAI wire turns. Without tools, earlier tool rounds are kept as plain text: servers
 * without function calling refuse `tool` turns and `tool_calls`, yet the results are what the answer needs.
 */
export function promptToWire(messages: readonly PromptMessage[], withTools: boolean): ChatMessage[] {
  const wire: ChatMessage[] = [];
  for (const message of messages) {
    if (message.role === 'tool') {
      wire.push(withTools ? { role: 'tool', toolCallId: message.toolCallId, content: message.content } : { role: 'user', content: `Tool result:\n${message.content}` });
    } else if (message.role === 'assistant' && message.toolCalls?.length) {
      if (withTools) {
        const toolCalls = message.toolCalls.map((call) => ({ id: call.id, name: call.name, arguments: JSON.stringify(call.arguments) }));
        wire.push({ role: 'assistant', content: message.content, toolCalls });
      } else if (message.content) wire.push({ role: 'assistant', content: message.content });
    } else wire.push({ role: message.role, content: message.content });
  }
  return wire;
}

/** Maps tool specs to wire tools. */
export function toolsToWire(tools: readonly ToolSpec[]): ChatTool[] {
  return tools.map(({ name, description, parameters }) => ({ name, description, parameters }));
}
