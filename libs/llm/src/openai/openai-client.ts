import type { z } from 'zod';
import { ProviderNetworkError, ProviderResponseError } from '../provider.errors';
import { ProviderGuard } from '../resilience/provider-guard';
import type { ResilienceOptionsInput } from '../resilience/resilience.config';
import { ChatCompletionWire, toChatCompletion } from './chat-completion.schema';
import { type ChatCompletion, type ChatCompletionRequest, type ChatDelta, chatRequestBody } from './chat-completion.types';
import { chatDeltas } from './chat-stream';
import { failureFromResponse, readJson } from './http-response';

export interface OpenAiClientOptions {
  /** Base URL including the API version, as OpenAI SDKs take it: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer`; local servers (Ollama, vLLM, LM Studio) need none. */
  readonly apiKey?: string;
  /** Extra headers (proxy auth, organisation ids); they override the defaults. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Name in errors and logs; the base URL's host by default. */
  readonly provider?: string;
  /** A guard to share (one breaker per endpoint); otherwise one is built from `resilience`. */
  readonly guard?: ProviderGuard;
  readonly resilience?: ResilienceOptionsInput;
}

/** Minimal client for OpenAI-compatible HTTP APIs on the global fetch; every call goes through a ProviderGuard. */
export class OpenAiCompatibleClient {
  readonly provider: string;
  readonly guard: ProviderGuard;
  private readonly baseUrl: string;

  constructor(private readonly options: OpenAiClientOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.provider = options.provider ?? new URL(this.baseUrl).host;
    this.guard = options.guard ?? new ProviderGuard(this.provider, options.resilience);
  }

  /** POSTs JSON to `path` (relative to the base URL) and validates the JSON answer against `schema`. */
  async postJson<T>(path: string, body: unknown, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const json = await this.guard.execute(async (attemptSignal) => {
      const response = await this.send(path, body, 'application/json', attemptSignal);
      return readJson(this.provider, response, attemptSignal);
    }, signal);
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new ProviderResponseError(this.provider, `${path}: ${issue?.path.join('.') || '(body)'}: ${issue?.message}`);
  }

  /** POSTs and returns the 2xx response unread; the guard covers getting the headers, not reading the body. */
  async openStream(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    return this.guard.execute((attemptSignal) => {
      // The attempt's signal stops following the caller once the attempt returns; the body must keep following it.
      const bodySignal = signal ? AbortSignal.any([attemptSignal, signal]) : attemptSignal;
      return this.send(path, body, 'text/event-stream', bodySignal);
    }, signal);
  }

  /** Runs a chat completion and returns the first choice. */
  async chatCompletion(request: ChatCompletionRequest, signal?: AbortSignal): Promise<ChatCompletion> {
    return toChatCompletion(await this.postJson('chat/completions', chatRequestBody(request, false), ChatCompletionWire, signal));
  }

  /** Opens a streamed chat completion; resolves once the server accepted it, then yields deltas as they arrive. */
  async streamChatCompletion(request: ChatCompletionRequest, signal?: AbortSignal): Promise<AsyncIterable<ChatDelta>> {
    const response = await this.openStream('chat/completions', chatRequestBody(request, true), signal);
    return this.deltasOf(response, signal);
  }

  /**
   * Opens a streamed chat completion and runs `start` on it within the same guarded attempt, so what `start`
   * waits for (a first token) falls under the attempt's timeout, retries and breaker like the headers do: a server
   * that accepts requests and never streams opens the breaker. `stop` aborts this attempt's HTTP request (use it
   * with a reason for deadlines of your own); when `start` fails it is aborted before any retry.
   */
  async startChatStream<T>(
    request: ChatCompletionRequest,
    start: (deltas: AsyncIterator<ChatDelta>, stop: AbortController) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    return this.guard.execute(async (attemptSignal) => {
      const stop = new AbortController();
      const bodySignal = AbortSignal.any(signal ? [attemptSignal, stop.signal, signal] : [attemptSignal, stop.signal]);
      try {
        const response = await this.send('chat/completions', chatRequestBody(request, true), 'text/event-stream', bodySignal);
        const deltas = await this.deltasOf(response, bodySignal);
        return await start(deltas[Symbol.asyncIterator](), stop);
      } catch (error) {
        stop.abort(error);
        throw error;
      }
    }, signal);
  }

  private async deltasOf(response: Response, signal?: AbortSignal): Promise<AsyncIterable<ChatDelta>> {
    if (response.body && !isJson(response)) return chatDeltas(this.provider, response.body, signal);
    // A server that ignores `stream: true` answers one JSON completion; it is a one-delta stream.
    const parsed = ChatCompletionWire.safeParse(await readJson(this.provider, response, signal ?? new AbortController().signal));
    if (!parsed.success) throw new ProviderResponseError(this.provider, 'chat/completions: neither a stream nor a completion');
    const { content, finishReason, usage, toolCalls } = toChatCompletion(parsed.data);
    const delta: ChatDelta = { content, finishReason, usage, toolCalls: toolCalls?.map((call, index) => ({ index, ...call })) };
    return (async function* () {
      yield delta;
    })();
  }

  private async send(path: string, body: unknown, accept: string, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let response: Response;
    try {
      response = await fetch(this.url(path), { method: 'POST', headers: { ...headers, ...this.options.headers }, body: JSON.stringify(body), signal });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ProviderNetworkError(this.provider, error);
    }
    if (!response.ok) throw await failureFromResponse(this.provider, response);
    return response;
  }

  // Relative to the base URL even with a leading slash, so `/embeddings` keeps the `/v1` of the base.
  private url(path: string): URL {
    return new URL(path.replace(/^\/+/, ''), this.baseUrl);
  }
}

const isJson = (response: Response) => (response.headers.get('content-type') ?? '').includes('application/json');
