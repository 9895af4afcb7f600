import { type ChatTool, type ChatToolCall, type ChatToolCallDelta, type ChatToolChoice, toolCallWire, toolFieldsOf } from './chat-tools.types';

/** One turn of a conversation as OpenAI-compatible servers take it. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
  /** Assistant turns: the calls the model made (sent as `tool_calls`). */
  readonly toolCalls?: readonly ChatToolCall[];
  /** Tool turns: the call this result answers (sent as `tool_call_id`). */
  readonly toolCallId?: string;
}

/** A chat completion request; camelCase here, snake_case on the wire. */
export interface ChatCompletionRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly topP?: number;
  readonly stop?: readonly string[];
  /** Streaming only: ask for a final usage chunk (`stream_options.include_usage`); not every server knows it. */
  readonly includeUsage?: boolean;
  /** Functions the model may call; absent or empty sends no `tools` field at all. */
  readonly tools?: readonly ChatTool[];
  readonly toolChoice?: ChatToolChoice;
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
}

/** The answer of a non-streamed completion (first choice). */
export interface ChatCompletion {
  readonly id?: string;
  readonly model?: string;
  readonly content: string;
  /** `stop`, `length`, `content_filter`...; null when the server does not say. */
  readonly finishReason: string | null;
  readonly usage?: TokenUsage;
  /** Present when the model called tools (finish reason `tool_calls`). */
  readonly toolCalls?: readonly ChatToolCall[];
}

/** One piece of a streamed completion (first choice); `content` is '' for role-only or usage-only chunks. */
export interface ChatDelta {
  readonly content: string;
  readonly finishReason: string | null;
  readonly usage?: TokenUsage;
  /** Fragments of tool calls, to assemble by index. */
  readonly toolCalls?: readonly ChatToolCallDelta[];
}

/** Maps the request to the OpenAI wire body. */
export function chatRequestBody(request: ChatCompletionRequest, stream: boolean): Record<string, unknown> {
  return {
    model: request.model,
    messages: request.messages.map(messageWire),
    temperature: request.temperature,
    max_tokens: request.maxTokens,
    top_p: request.topP,
    stop: request.stop,
    stream,
    stream_options: stream && request.includeUsage ? { include_usage: true } : undefined,
    ...toolFieldsOf(request.tools, request.toolChoice),
  };
}

// Plain turns go out exactly as given; an assistant turn that only called tools has null content, as OpenAI sends it.
function messageWire(message: ChatMessage): Record<string, unknown> {
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  if (!message.toolCalls?.length) return { role: message.role, content: message.content };
  return { role: message.role, content: message.content || null, tool_calls: message.toolCalls.map(toolCallWire) };
}
