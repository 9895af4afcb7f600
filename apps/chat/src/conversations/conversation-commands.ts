import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@ragstream/auth';
import { conversationDecider, type ConversationCommand, type WorkspaceAccess } from '@ragstream/domain';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR, CommandContext } from '@ragstream/platform';

type Data<T extends ConversationCommand['type']> = Omit<Extract<ConversationCommand, { type: T }>['data'], 'access'>;

/** The five steps for one conversation command: build it with the caller's access, decide, append, return the position. */
@Injectable()
export class ConversationCommands {
  constructor(@Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor) {}

  /** A command context for `operation` on a conversation; with an Idempotency-Key its ids and commit ids repeat on a retry. */
  context(principal: Principal, operation: string, idempotencyKey?: string): CommandContext {
    return new CommandContext(principal.tenantId, actorOf(principal), operation, idempotencyKey);
  }

  async execute<T extends ConversationCommand['type']>(
    ctx: CommandContext,
    conversationId: string,
    access: WorkspaceAccess,
    type: T,
    data: Data<T>,
    step: string = type,
  ): Promise<{ position: number; version: number }> {
    const command = { type, data: { ...data, access }, metadata: ctx.metadata() } as ConversationCommand;
    const result = await this.executor.execute(conversationDecider, command, {
      tenantId: ctx.tenantId,
      aggregateId: conversationId,
      context: ctx.commit(step),
    });
    return { position: result.position, version: result.version };
  }
}
