import { Controller, Req, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { approveToolCall, rejectToolCall, type RouteInput } from '@ragstream/contracts';
import { Input, Route } from '@ragstream/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { wantsStream } from '../ask/sse-stream';
import { TurnResponder } from '../ask/turn-responder';
import { ToolDecisionHandler } from './tool-decision.handler';

/** Approving or rejecting a paused tool call resumes the answer, as JSON or SSE like a message. */
@Controller()
export class ToolCallsController {
  constructor(
    private readonly decisions: ToolDecisionHandler,
    private readonly responder: TurnResponder,
  ) {}

  @Route(approveToolCall)
  async approve(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof approveToolCall>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const turn = await this.decisions.decide(p, params.conversationId, params.toolCallId, 'approved', body?.reason);
    await this.responder.respond(req, reply, wantsStream(req.headers.accept, body?.stream), turn);
  }

  @Route(rejectToolCall)
  async reject(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof rejectToolCall>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const turn = await this.decisions.decide(p, params.conversationId, params.toolCallId, 'rejected', body?.reason);
    await this.responder.respond(req, reply, wantsStream(req.headers.accept, body?.stream), turn);
  }
}
