import { ProviderNetworkError, ProviderResponseError } from '../provider.errors';
import { ChatChunkWire, StreamErrorWire, toChatDelta } from './chat-completion.schema';
import type { ChatDelta } from './chat-completion.types';
import { SseDecoder } from './sse-decoder';

/**
 * Reads a streamed chat completion body into deltas until `data: [DONE]` (or the end of the body).
 * Failures mid-stream are thrown to the consumer, never retried: part of the answer is already out.
 * Leaving the loop early cancels the body, which closes the connection.
 */
export async function* chatDeltas(provider: string, body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<ChatDelta> {
  const reader = body.getReader();
  const text = new TextDecoder();
  const sse = new SseDecoder();
  // fetch may already hold the whole body when the caller aborts; the caller still expects it to stop.
  const stopReading = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stopReading, { once: true });
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        throw new ProviderNetworkError(provider, error);
      }
      if (signal?.aborted) throw signal.reason;
      const events = chunk.done ? [...sse.push(text.decode()), ...sse.end()] : sse.push(text.decode(chunk.value, { stream: true }));
      for (const event of events) {
        if (signal?.aborted) throw signal.reason;
        if (event.data === '[DONE]') return;
        yield parseChunk(provider, event.event, event.data);
      }
      if (chunk.done) return;
    }
  } finally {
    signal?.removeEventListener('abort', stopReading);
    await reader.cancel().catch(() => undefined);
  }
}

function parseChunk(provider: string, event: string, data: string): ChatDelta {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new ProviderResponseError(provider, `stream chunk is not JSON: ${data.slice(0, 200)}`);
  }
  const failure = StreamErrorWire.safeParse(json);
  if (failure.success || event === 'error') {
    const message = !failure.success ? data : typeof failure.data.error === 'string' ? failure.data.error : failure.data.error.message;
    throw new ProviderResponseError(provider, `stream failed: ${message.slice(0, 500)}`);
  }
  const chunk = ChatChunkWire.safeParse(json);
  if (!chunk.success) throw new ProviderResponseError(provider, `unexpected stream chunk: ${chunk.error.issues[0]?.message}`);
  return toChatDelta(chunk.data);
}
