import { Injectable } from '@nestjs/common';
import { createLogger } from '@ragstream/observability';
import type { TurnSink } from '../ask/turn-sink';
import { ChatProviders, chainTakesTools } from '../providers/chat-providers';
import { AnswerRecorder, type ChatAnswerData } from './answer-recorder';
import { toSourceView } from './answer-data';
import type { PreparedTurn } from './prepared-turn';
import { TurnPlanner } from './turn-planner';
import { TurnRunner } from './turn-runner';

const log = createLogger('chat-turn');

/**
 * Answers a prepared turn: retrieve and assemble the prompt, report the sources, run the models,
 * record the answer. A turn always ends recorded, with the partial text when the client went away
 * ('cancelled') and empty when nothing could answer ('failed'), so the conversation is never stuck.
 */
@Injectable()
export class TurnService {
  constructor(
    private readonly planner: TurnPlanner,
    private readonly runner: TurnRunner,
    private readonly recorder: AnswerRecorder,
    private readonly providers: ChatProviders,
  ) {}

  async answer(turn: PreparedTurn, sink: TurnSink, signal: AbortSignal): Promise<ChatAnswerData> {
    try {
      const chain = this.providers.chainFor(turn.workspaceId);
      const plan = await this.planner.plan(turn, chainTakesTools(chain));
      sink.sources({ conversationId: turn.conversationId, userMessageId: turn.userMessageId, position: turn.position, sources: plan.sources.map(toSourceView) });
      const output = await this.runner.run(plan, chain, sink, signal);
      return await this.recorder.record(turn, output);
    } catch (error) {
      const reason = signal.aborted ? 'cancelled' : 'failed';
      if (reason === 'failed') log.error({ err: error, conversationId: turn.conversationId }, 'turn failed');
      await this.recorder.recordEmpty(turn, reason);
      throw error;
    }
  }
}
