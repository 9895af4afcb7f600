import { Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import { ConversationAccess } from './conversation-access';
import { ConversationCommands } from './conversation-commands';

export const DEFAULT_TITLE = 'New conversation';

/** Start, rename, delete and rate: look up the caller's standing, then one command each. */
@Injectable()
export class ConversationLifecycleHandler {
  constructor(
    private readonly access: ConversationAccess,
    private readonly commands: ConversationCommands,
  ) {}

  async start(principal: Principal, input: { workspaceId: string; title?: string; via: 'chat' | 'openai' }, key?: string) {
    const access = await this.access.workspace(principal, input.workspaceId);
    const ctx = this.commands.context(principal, 'conversation:start', key);
    const conversationId = ctx.id('conversation');
    const result = await this.commands.execute(ctx, conversationId, access, 'StartConversation', { title: input.title ?? DEFAULT_TITLE, via: input.via });
    return { conversationId, ...result };
  }

  async rename(principal: Principal, conversationId: string, title: string, key?: string) {
    const { access } = await this.access.own(principal, conversationId);
    const ctx = this.commands.context(principal, `conversation:rename:${conversationId}`, key);
    return this.commands.execute(ctx, conversationId, access, 'RenameConversation', { title });
  }

  async delete(principal: Principal, conversationId: string, key?: string) {
    const { access } = await this.access.ownOrModerated(principal, conversationId);
    const ctx = this.commands.context(principal, `conversation:delete:${conversationId}`, key);
    return this.commands.execute(ctx, conversationId, access, 'DeleteConversation', {});
  }

  async feedback(principal: Principal, conversationId: string, messageId: string, input: { rating: 'up' | 'down'; comment?: string }, key?: string) {
    const { access } = await this.access.own(principal, conversationId);
    const ctx = this.commands.context(principal, `conversation:feedback:${conversationId}:${messageId}`, key);
    return this.commands.execute(ctx, conversationId, access, 'GiveFeedback', { messageId, ...input });
  }
}
