import { Injectable } from '@nestjs/common';
import { problemFor } from '@ragstream/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PreparedTurn } from '../turn/prepared-turn';
import { TurnService } from '../turn/turn.service';
import { SseStream, disconnectSignal } from './sse-stream';
import { silentSink, type TurnSink } from './turn-sink';

/** The SSE events of a turn: `sources`, `token`..., `reset`, `tool_call`, then `done` or `error`. */
function sseSink(sse: SseStream): TurnSink {
  return {
    sources: (event) => sse.event('sources', event),
    token: (text) => sse.event('token', { text }),
    reset: (reason) => sse.event('reset', { reason }),
    toolCall: (call) => sse.event('tool_call', call),
  };
}

/** Answers a prepared turn as JSON or as Server-Sent Events; a client that disconnects cancels the model call. */
@Injectable()
export class TurnResponder {
  constructor(private readonly turns: TurnService) {}

  async respond(request: FastifyRequest, reply: FastifyReply, stream: boolean, turn: PreparedTurn): Promise<void> {
    const signal = disconnectSignal(reply);
    if (!stream) {
      const answer = await this.turns.answer(turn, silentSink, signal);
      void reply.status(200).send(answer);
      return;
    }
    const sse = SseStream.open(reply);
    try {
      sse.event('done', await this.turns.answer(turn, sseSink(sse), signal));
    } catch (error) {
      // The status line is long gone: the failure travels as the stream's last event.
      sse.event('error', problemFor(error, request.url));
    } finally {
      sse.end();
    }
  }
}
