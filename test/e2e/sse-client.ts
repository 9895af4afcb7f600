/** One Server-Sent Event as a client reads it. */
export interface SseEvent {
  readonly event: string;
  readonly data: any;
}

export interface SseResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly events: SseEvent[];
  /** The body when the answer was not a stream (an error before the stream opened). */
  readonly body?: any;
}

/** Parses `event:`/`data:` blocks; bare `data:` lines (OpenAI's format) are events named `message`, `[DONE]` kept as text. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\n\n/)
    .map((block) => block.split('\n').filter((line) => line && !line.startsWith(':')))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      return { event, data: data === '[DONE]' ? data : JSON.parse(data) };
    });
}

/** POSTs and reads the whole event stream (or the JSON error that came instead). */
export async function postSse(url: string, body: unknown, headers: Record<string, string>): Promise<SseResponse> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, accept: 'text/event-stream', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    return { status: response.status, headers: response.headers, events: [], body: text ? JSON.parse(text) : undefined };
  }
  return { status: response.status, headers: response.headers, events: parseSse(text) };
}

/**
 * POSTs for a stream and reads events until `stopAfter` says so, then drops the connection, as a
 * client closing its tab would. Returns the events seen up to then.
 */
export async function postSseAndLeave(url: string, body: unknown, headers: Record<string, string>, stopAfter: (seen: SseEvent[]) => boolean): Promise<SseEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, accept: 'text/event-stream', 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const seen: SseEvent[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return seen;
    buffer += decoder.decode(value, { stream: true });
    const end = buffer.lastIndexOf('\n\n');
    if (end < 0) continue;
    seen.push(...parseSse(buffer.slice(0, end)));
    buffer = buffer.slice(end + 2);
    if (stopAfter(seen)) {
      controller.abort();
      return seen;
    }
  }
}
