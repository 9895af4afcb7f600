import { Controller, Req, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { chatCompletions, listModels, type RouteInput } from '@ragstream/contracts';
import { Input, Route } from '@ragstream/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChatCompletionsHandler } from './chat-completions.handler';
import { ModelsQueries } from './models.queries';

@Controller()
export class ChatCompletionsController {
  constructor(
    private readonly completions: ChatCompletionsHandler,
    private readonly models: ModelsQueries,
  ) {}

  @Route(chatCompletions)
  complete(@CurrentPrincipal() p: Principal, @Input() { body }: RouteInput<typeof chatCompletions>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.completions.complete(p, body, req, reply);
  }

  @Route(listModels)
  list(@CurrentPrincipal() p: Principal) {
    return this.models.list(p);
  }
}
