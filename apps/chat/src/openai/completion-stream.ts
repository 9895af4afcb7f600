import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemFor } from '@ragstream/platform';
import { SseStream } from '../ask/sse-stream';
import type { TurnSink } from '../ask/turn-sink';
import type { ChatAnswerData } from '../turn/answer-recorder';
import { chunk, completionId, openAiFinishReason, ragstreamExtension, usageOf } from './completion-format';

/**
 * OpenAI's stream format: `data: {chat.completion.chunk}` lines, then `data: [DONE]`. Text already
 * sent cannot be taken back: after a provider fallback (`reset`) a chunk says so in its `ragstream`
 * field and the next provider's answer follows.
 */
export class CompletionStream {
  private readonly sse: SseStream;
  private readonly id: string;
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(
    private readonly request: FastifyRequest,
    reply: FastifyReply,
    answerId: string,
    private readonly model: string,
    private readonly includeUsage: boolean,
  ) {
    this.sse = SseStream.open(reply);
    this.id = completionId(answerId);
    this.send({ role: 'assistant', content: '' }, null);
  }

  sink(): TurnSink {
    return {
      sources: () => undefined,
      token: (text) => this.send({ content: text }, null),
      reset: (reason) => this.send({}, null, { ragstream: { reset: true, reason } }),
      toolCall: () => undefined,
    };
  }

  done(answer: ChatAnswerData): void {
    this.send({}, openAiFinishReason(answer.finishReason), { ragstream: ragstreamExtension(answer) });
    if (this.includeUsage) this.sse.data(JSON.stringify({ ...chunk(this.id, this.model, this.created, {}, null), choices: [], usage: usageOf(answer) }));
    this.finish();
  }

  fail(error: unknown): void {
    const problem = problemFor(error, this.request.url);
    this.sse.data(JSON.stringify({ error: { ...problem, message: problem.detail, type: problem.code } }));
    this.finish();
  }

  private send(delta: Record<string, unknown>, finishReason: string | null, extra?: Record<string, unknown>): void {
    this.sse.data(JSON.stringify(chunk(this.id, this.model, this.created, delta, finishReason, extra)));
  }

  private finish(): void {
    this.sse.data('[DONE]');
    this.sse.end();
  }
}
