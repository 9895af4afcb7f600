import { Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import type { chatCompletions, RouteInput } from '@ragstream/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AskHandler } from '../ask/ask.handler';
import { disconnectSignal } from '../ask/sse-stream';
import { TokenQuota } from '../ask/token-quota';
import { silentSink } from '../ask/turn-sink';
import { ConversationLifecycleHandler } from '../conversations/conversation-lifecycle.handler';
import { TurnService } from '../turn/turn.service';
import { toCompletion } from './completion-format';
import { completionAsk } from './completion-request';
import { CompletionStream } from './completion-stream';

type Body = RouteInput<typeof chatCompletions>['body'];

const TITLE_CHARS = 80;

/**
 * An OpenAI-compatible completion backed by the grounded flow: each request is a conversation of its
 * own (via 'openai'), so it is recorded, costed and counted against the workspace's quota like any other.
 */
@Injectable()
export class ChatCompletionsHandler {
  constructor(
    private readonly lifecycle: ConversationLifecycleHandler,
    private readonly asks: AskHandler,
    private readonly turns: TurnService,
    private readonly quota: TokenQuota,
  ) {}

  async complete(principal: Principal, body: Body, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const ask = completionAsk(principal, body);
    // Before the conversation is started: a refused request leaves nothing behind.
    await this.quota.check(principal.tenantId, ask.workspaceId);
    const title = ask.question.replace(/\s+/g, ' ').slice(0, TITLE_CHARS);
    const { conversationId } = await this.lifecycle.start(principal, { workspaceId: ask.workspaceId, title, via: 'openai' });
    const turn = await this.asks.prepare(principal, conversationId, { content: ask.question }, { history: ask.history, approvals: false });
    const signal = disconnectSignal(reply);
    if (!body.stream) {
      const answer = await this.turns.answer(turn, silentSink, signal);
      void reply.status(200).send(toCompletion(answer, body.model, Math.floor(Date.now() / 1000)));
      return;
    }
    const stream = new CompletionStream(request, reply, turn.ctx.id('answer'), body.model, body.stream_options?.include_usage ?? false);
    try {
      stream.done(await this.turns.answer(turn, stream.sink(), signal));
    } catch (error) {
      stream.fail(error);
    }
  }
}
