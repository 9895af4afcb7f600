import type { ChatCompletionRequest } from '../openai/chat-completion.types';
import { OpenAiCompatibleClient } from '../openai/openai-client';
import { ProviderHttpError } from '../provider.errors';
import { isRetryableFailure } from '../resilience/failure-classification';
import type { ProviderGuard } from '../resilience/provider-guard';
import type { CircuitStateName } from '../resilience/provider-guard.events';
import type { ResilienceOptionsInput } from '../resilience/resilience.config';
import type { ChatEvent, ChatProvider, ChatTurnRequest } from './chat-provider.types';
import { chatEventsOf, readHead } from './openai-chat.events';
import { promptToWire, toolsToWire } from './prompt-wire';

/** Where a provider reports what an operator should know (pino's argument order). */
export interface ChatProviderLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface OpenAiChatProviderConfig {
  readonly name: string;
  /** Including the API version: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly model: string;
  /** Offer tools to the model (default true); also turned off for good when the server refuses a request with tools. */
  readonly supportsTools?: boolean;
  readonly resilience?: ResilienceOptionsInput;
  /** Deadline for the first token once the server accepted the request; the attempt's `timeoutMs` bounds headers and first token together. Default: that timeout. */
  readonly firstTokenTimeoutMs?: number;
  /** Longest silence between chunks once the answer started (default 30 s). */
  readonly idleTimeoutMs?: number;
  /** Used when the request names none. */
  readonly maxTokens?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly logger?: ChatProviderLogger;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * A chat model behind an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio). Getting the first token is
 * one guarded attempt (timeout, retries, breaker); a stall later is a ProviderTimeoutError counted in the breaker.
 */
export class OpenAiChatProvider implements ChatProvider {
  readonly name: string;
  readonly model: string;
  readonly client: OpenAiCompatibleClient;
  private toolsEnabled: boolean;
  private openedAt = 0;

  constructor(private readonly config: OpenAiChatProviderConfig) {
    this.name = config.name;
    this.model = config.model;
    this.toolsEnabled = config.supportsTools ?? true;
    const { baseUrl, apiKey, headers, resilience } = config;
    this.client = new OpenAiCompatibleClient({ baseUrl, apiKey, headers, resilience, provider: config.name });
    this.client.guard.onEvent((event) => {
      if (event.type === 'circuit' && event.state === 'open') this.openedAt = Date.now();
    });
  }

  /** Breaker state as a chain should read it: once an open breaker's wait is over, the next call is its half-open trial. */
  readonly circuit = (): CircuitStateName => {
    // cockatiel reports `open` until a call arrives, so a chain that skips open providers would never send that trial.
    const state = this.client.guard.state;
    return state === 'open' && Date.now() >= this.openedAt + this.client.guard.options.halfOpenAfterMs ? 'half-open' : state;
  };

  /** False when configured so, or once the server refused a request because it carried tools. */
  get supportsTools(): boolean {
    return this.toolsEnabled;
  }

  /** The breaker and retries of this endpoint, for logs and metrics (`guard.onEvent`). */
  get guard(): ProviderGuard {
    return this.client.guard;
  }

  /** Resolves once the model produced its first token (or tool call, or finish), then yields the rest. */
  async stream(request: ChatTurnRequest, signal?: AbortSignal): Promise<AsyncIterable<ChatEvent>> {
    if (!this.toolsEnabled || !request.tools?.length) return this.open(request, false, signal);
    try {
      return await this.open(request, true, signal);
    } catch (error) {
      if (!(error instanceof ProviderHttpError && error.status === 400) || signal?.aborted) throw error;
      // Only blame the tools when the same request without them is accepted; a 400 for a too-long prompt is not theirs.
      const events = await this.open(request, false, signal);
      this.toolsEnabled = false;
      this.config.logger?.warn({ provider: this.name, model: this.model, err: error }, 'provider refused a request with tools; calling it without tools from now on');
      return events;
    }
  }

  private async open(request: ChatTurnRequest, withTools: boolean, signal?: AbortSignal): Promise<AsyncIterable<ChatEvent>> {
    const wire: ChatCompletionRequest = {
      model: this.model,
      messages: promptToWire(request.messages, withTools),
      maxTokens: request.maxTokens ?? this.config.maxTokens,
      temperature: request.temperature,
      includeUsage: true,
      tools: withTools ? toolsToWire(request.tools ?? []) : undefined,
    };
    const firstTokenMs = this.config.firstTokenTimeoutMs ?? this.client.guard.options.timeoutMs;
    const opened = await this.client.startChatStream(wire, (deltas, stop) => readHead(this.name, deltas, stop, firstTokenMs), signal);
    return chatEventsOf(opened, {
      provider: this.name,
      idleTimeoutMs: this.config.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      tools: withTools,
      onFailure: async (error) => {
        if (!signal?.aborted && isRetryableFailure(error)) await this.client.guard.recordFailure(error as Error);
      },
    });
  }
}
