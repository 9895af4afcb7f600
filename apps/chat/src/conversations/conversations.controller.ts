import { Controller } from '@nestjs/common';
import { CurrentPrincipal, MinPosition, type Principal } from '@ragstream/auth';
import {
  createConversation,
  deleteConversation,
  getConversation,
  giveFeedback,
  listConversations,
  renameConversation,
  type RouteInput,
} from '@ragstream/contracts';
import { Header, Input, Route } from '@ragstream/platform';
import { ConversationLifecycleHandler } from './conversation-lifecycle.handler';
import { ConversationQueries } from './conversation.queries';

@Controller()
export class ConversationsController {
  constructor(
    private readonly lifecycle: ConversationLifecycleHandler,
    private readonly queries: ConversationQueries,
  ) {}

  @Route(createConversation)
  create(@CurrentPrincipal() p: Principal, @Input() { body }: RouteInput<typeof createConversation>, @Header('idempotency-key') key?: string) {
    return this.lifecycle.start(p, { ...body, via: 'chat' }, key);
  }

  @Route(listConversations)
  list(@CurrentPrincipal() p: Principal, @Input() { query }: RouteInput<typeof listConversations>, @MinPosition() at?: number) {
    return this.queries.list(p, query, at);
  }

  @Route(getConversation)
  get(@CurrentPrincipal() p: Principal, @Input() { params }: RouteInput<typeof getConversation>, @MinPosition() at?: number) {
    return this.queries.detail(p, params.conversationId, at);
  }

  @Route(renameConversation)
  rename(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof renameConversation>, @Header('idempotency-key') key?: string) {
    return this.lifecycle.rename(p, params.conversationId, body.title, key);
  }

  @Route(deleteConversation)
  delete(@CurrentPrincipal() p: Principal, @Input() { params }: RouteInput<typeof deleteConversation>, @Header('idempotency-key') key?: string) {
    return this.lifecycle.delete(p, params.conversationId, key);
  }

  @Route(giveFeedback)
  feedback(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof giveFeedback>, @Header('idempotency-key') key?: string) {
    return this.lifecycle.feedback(p, params.conversationId, params.messageId, body, key);
  }
}
