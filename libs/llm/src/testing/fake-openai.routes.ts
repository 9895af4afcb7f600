import type { ServerResponse } from 'node:http';
import { fakeEmbedding } from './fake-embedding';

interface EmbeddingsBody {
  model: string;
  input: string | string[];
  dimensions?: number;
}

interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

/** Answers /v1/embeddings in reverse input order, so clients must sort by `index`. */
export function answerEmbeddings(res: ServerResponse, body: EmbeddingsBody, dimensions: number): void {
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text, body.dimensions ?? dimensions) }));
  sendJson(res, 200, { object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } });
}

/** The fake model's answer: it echoes the last user message. */
export function fakeReply(body: ChatBody): string {
  const lastUser = [...body.messages].reverse().find((m) => m.role === 'user');
  return `echo: ${lastUser?.content ?? ''}`;
}

/** Answers /v1/chat/completions, streamed as SSE (split mid-line on purpose) when asked. */
export async function answerChat(res: ServerResponse, body: ChatBody, cutAfterChunks?: number): Promise<void> {
  const reply = fakeReply(body);
  const usage = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };
  if (!body.stream) {
    const choice = { index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' };
    return sendJson(res, 200, { id: 'cmpl-1', object: 'chat.completion', model: body.model, choices: [choice], usage });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: object, finish: string | null) => ({ id: 'cmpl-1', object: 'chat.completion.chunk', model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] });
  const chunks: object[] = [chunk({ role: 'assistant', content: '' }, null), ...reply.split(/(?<= )/).map((piece) => chunk({ content: piece }, null)), chunk({}, 'stop')];
  if (body.stream_options?.include_usage) chunks.push({ id: 'cmpl-1', object: 'chat.completion.chunk', choices: [], usage });
  res.write(': keep-alive\n\n');
  for (const [i, data] of chunks.entries()) {
    if (cutAfterChunks !== undefined && i === cutAfterChunks) return void res.socket?.destroy();
    const event = `data: ${JSON.stringify(data)}\n\n`;
    const middle = Math.floor(event.length / 2);
    await writeFlushed(res, event.slice(0, middle));
    await writeFlushed(res, event.slice(middle));
  }
  res.end('data: [DONE]\n\n');
}

// Waiting for each write lets a client see the pieces apart, and lets a cut come after them.
const writeFlushed = (res: ServerResponse, text: string) => new Promise<void>((resolve) => res.write(text, () => resolve()));

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
