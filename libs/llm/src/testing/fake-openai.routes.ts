import type { ServerResponse } from 'node:http';
import { type FakeReply, completionBody, streamChunks } from './fake-chat.reply';
import { type StreamDelivery, writeStream } from './fake-chat.stream';
import { fakeEmbedding } from './fake-embedding';

interface EmbeddingsBody {
  model: string;
  input: string | string[];
  dimensions?: number;
}

/** The fields of a chat request the fake reads. */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string | null }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: unknown[];
}

/** Answers /v1/embeddings in reverse input order, so clients must sort by `index`. */
export function answerEmbeddings(res: ServerResponse, body: EmbeddingsBody, dimensions: number): void {
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text, body.dimensions ?? dimensions) }));
  sendJson(res, 200, { object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } });
}

/** Answers /v1/chat/completions with `reply`, streamed as SSE when asked; a stalled non-streamed reply never answers. */
export async function answerChat(res: ServerResponse, body: ChatBody, reply: FakeReply, delivery: StreamDelivery): Promise<void> {
  if (!body.stream) {
    if (reply.stallAfterChunks !== undefined) return;
    return sendJson(res, 200, completionBody(body.model, reply));
  }
  const chunks = streamChunks(body.model, reply, body.stream_options?.include_usage === true);
  await writeStream(res, chunks, { ...delivery, stallAfterChunks: reply.stallAfterChunks ?? delivery.stallAfterChunks });
}

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
