import type { TokenUsage } from '../openai/chat-completion.types';

/** A retrieved passage the answer may use; `id` is its [n] marker in the prompt. */
export interface GroundingSource {
  readonly id: number;
  readonly documentId: string;
  readonly revision: number;
  readonly chunkIndex: number;
  readonly title: string;
  readonly text: string;
  /** Character offset of `text` in the document's extracted text. */
  readonly start: number;
  readonly end: number;
  readonly page: number | null;
  readonly pageEnd: number | null;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly headingPath: readonly string[];
  readonly score: number;
}

/** A tool the model may call: name, what it does, and a JSON schema of its arguments. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** A tool call the model made (arguments parsed from its JSON). */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** A turn of the prompt; assistant turns may carry tool calls, tool turns answer one by id. */
export type PromptMessage =
  | { readonly role: 'system' | 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string; readonly toolCalls?: readonly ToolCall[] }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

/** Everything a provider needs for one answer. */
export interface ChatTurnRequest {
  /** The assembled prompt (system with the numbered sources, condensed history, the question). */
  readonly messages: readonly PromptMessage[];
  /** The question on its own, for providers that do not read prompts (the extractive answerer). */
  readonly question: string;
  /** The sources the prompt holds; answers may cite only these. */
  readonly sources: readonly GroundingSource[];
  readonly tools?: readonly ToolSpec[];
  readonly maxTokens?: number;
  readonly temperature?: number;
}

/** One piece of a provider's answer, in order: tokens and tool calls, then exactly one `done` (a chain may interpose `reset`). */
export type ChatEvent =
  | { readonly type: 'token'; readonly text: string }
  | { readonly type: 'tool_call'; readonly call: ToolCall }
  | {
      readonly type: 'done';
      /** `stop`, `length`, `content_filter`, `tool_calls`, or `no_answer` when the sources do not hold the answer. */
      readonly finishReason: string;
      /** As the provider reported it; absent when it did not (the caller estimates). */
      readonly usage?: TokenUsage;
      /** Citations the provider made itself (the extractive answerer); others cite by [n] markers in the text. */
      readonly citations?: readonly ProviderCitation[];
    }
  | ChatResetEvent;

/**
 * Only a ProviderChain sends this, never a provider: the provider answering failed mid-answer and the next one
 * starts over, so consumers discard the text and tool calls received so far. Added later: older consumers that
 * switch on `type` simply fall through it.
 */
export interface ChatResetEvent {
  readonly type: 'reset';
  readonly reason: string;
}

/** A citation a provider made directly: which source, and the exact supporting text with its offsets in the document. */
export interface ProviderCitation {
  readonly sourceId: number;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

/** A chat model: streams its answer as ChatEvents. Remote providers call through a ProviderGuard. */
export interface ChatProvider {
  /** Name in events, logs and metrics (e.g. `ollama`, `extractive`). */
  readonly name: string;
  readonly model: string;
  readonly supportsTools: boolean;
  /** Breaker state for health and metrics; the built-in answerer has none. */
  readonly circuit?: () => 'closed' | 'open' | 'half-open';
  /** Resolves once the provider accepted the request (so a failure to start can fall back), then yields events. */
  stream(request: ChatTurnRequest, signal?: AbortSignal): Promise<AsyncIterable<ChatEvent>>;
}
