import { Controller, Req, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { chat, postMessage, type RouteInput } from '@ragstream/contracts';
import { Input, Route } from '@ragstream/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConversationLifecycleHandler } from '../conversations/conversation-lifecycle.handler';
import { AskHandler } from './ask.handler';
import { wantsStream } from './sse-stream';
import { TokenQuota } from './token-quota';
import { TurnResponder } from './turn-responder';

const TITLE_CHARS = 80;

@Controller()
export class MessagesController {
  constructor(
    private readonly asks: AskHandler,
    private readonly lifecycle: ConversationLifecycleHandler,
    private readonly responder: TurnResponder,
    private readonly quota: TokenQuota,
  ) {}

  @Route(postMessage)
  async post(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof postMessage>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const turn = await this.asks.prepare(p, params.conversationId, body);
    await this.responder.respond(req, reply, wantsStream(req.headers.accept, body.stream), turn);
  }

  /** One call: continues the conversation given, or starts one titled after the question. */
  @Route(chat)
  async chat(@CurrentPrincipal() p: Principal, @Input() { body }: RouteInput<typeof chat>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { workspaceId, message, conversationId, ...retrieval } = body;
    // Before a conversation is started for it: a refused question leaves nothing behind.
    if (!conversationId) await this.quota.check(p.tenantId, workspaceId);
    const id = conversationId ?? (await this.lifecycle.start(p, { workspaceId, title: titleOf(message), via: 'chat' })).conversationId;
    const turn = await this.asks.prepare(p, id, { content: message, ...retrieval }, { workspaceId });
    await this.responder.respond(req, reply, wantsStream(req.headers.accept, body.stream), turn);
  }
}

function titleOf(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length <= TITLE_CHARS ? line : `${line.slice(0, TITLE_CHARS - 1)}…`;
}
