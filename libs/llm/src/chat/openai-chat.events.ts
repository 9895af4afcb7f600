import type { ChatDelta, TokenUsage } from '../openai/chat-completion.types';
import { ProviderTimeoutError } from '../provider.errors';
import type { ChatEvent } from './chat-provider.types';
import { ToolCallAssembler } from './tool-call.assembler';

/** A stream that has shown its first sign of an answer: the deltas read so far, the rest, and the switch that cuts it. */
export interface OpenedChatStream {
  readonly head: readonly ChatDelta[];
  readonly deltas: AsyncIterator<ChatDelta>;
  readonly stop: AbortController;
}

export interface ChatEventOptions {
  readonly provider: string;
  readonly idleTimeoutMs: number;
  /** Whether tools were offered; if not, stray tool call fragments are ignored. */
  readonly tools: boolean;
  /** Told of a failure mid-stream before it is thrown (to count it in the breaker). */
  readonly onFailure: (error: unknown) => Promise<void>;
}

// Role-only chunks and keep-alives are not an answer; text, a tool call or a finish is.
const answers = (delta: ChatDelta) => delta.content !== '' || (delta.toolCalls?.length ?? 0) > 0 || delta.finishReason !== null;

/** Reads until the first delta that answers; after `timeoutMs` aborts `stop` with a ProviderTimeoutError, which the pending read throws. */
export async function readHead(provider: string, deltas: AsyncIterator<ChatDelta>, stop: AbortController, timeoutMs: number): Promise<OpenedChatStream> {
  const head: ChatDelta[] = [];
  const timer = setTimeout(() => stop.abort(new ProviderTimeoutError(provider, timeoutMs)), timeoutMs);
  try {
    for (let next = await deltas.next(); !next.done; next = await deltas.next()) {
      head.push(next.value);
      if (answers(next.value)) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return { head, deltas, stop };
}

/** Turns an opened stream into ChatEvents: tokens, then the assembled tool calls, then `done`; silence over `idleTimeoutMs` is a ProviderTimeoutError. */
export async function* chatEventsOf(opened: OpenedChatStream, options: ChatEventOptions): AsyncGenerator<ChatEvent> {
  const calls = new ToolCallAssembler(options.provider);
  let finishReason: string | null = null;
  let usage: TokenUsage | undefined;
  function* take(delta: ChatDelta): Generator<ChatEvent> {
    if (delta.content) yield { type: 'token', text: delta.content };
    if (options.tools && delta.toolCalls) calls.add(delta.toolCalls);
    finishReason = delta.finishReason ?? finishReason;
    usage = delta.usage ?? usage;
  }
  try {
    for (const delta of opened.head) yield* take(delta);
    const next = () => nextWithin(opened, options.idleTimeoutMs, options.provider);
    for (let result = await next(); !result.done; result = await next()) yield* take(result.value);
    for (const call of calls.finish()) yield { type: 'tool_call', call };
    // A server that forgot finish_reason still finished; `tool_calls` without offered tools answered nothing callable.
    const reason = !finishReason || (finishReason === 'tool_calls' && !options.tools) ? 'stop' : finishReason;
    yield usage ? { type: 'done', finishReason: reason, usage } : { type: 'done', finishReason: reason };
  } catch (error) {
    await options.onFailure(error);
    throw error;
  } finally {
    // Leaving early (the consumer stopped, or a failure) must close the connection so the model stops generating.
    opened.stop.abort();
    await opened.deltas.return?.();
  }
}

async function nextWithin(opened: OpenedChatStream, ms: number, provider: string): Promise<IteratorResult<ChatDelta>> {
  const timer = setTimeout(() => opened.stop.abort(new ProviderTimeoutError(provider, ms)), ms);
  try {
    return await opened.deltas.next();
  } finally {
    clearTimeout(timer);
  }
}
