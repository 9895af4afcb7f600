/** One turn of a conversation as OpenAI-compatible servers take it. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
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
}

/** One piece of a streamed completion (first choice); `content` is '' for role-only or usage-only chunks. */
export interface ChatDelta {
  readonly content: string;
  readonly finishReason: string | null;
  readonly usage?: TokenUsage;
}

/** Maps the request to the OpenAI wire body. */
export function chatRequestBody(request: ChatCompletionRequest, stream: boolean): Record<string, unknown> {
  return {
    model: request.model,
    messages: request.messages,
    temperature: request.temperature,
    max_tokens: request.maxTokens,
    top_p: request.topP,
    stop: request.stop,
    stream,
    stream_options: stream && request.includeUsage ? { include_usage: true } : undefined,
  };
}
