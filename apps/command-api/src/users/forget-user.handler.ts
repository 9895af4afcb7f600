import { Inject, Injectable } from '@nestjs/common';
import type { RouteInput, forgetUser as forgetUserRoute } from '@ragstream/contracts';
import { actorOf, authorityOf, type Principal } from '@ragstream/auth';
import type { CommandExecutor, JetStreamEventStore } from '@ragstream/event-store';
import { PiiVault, forgetUser } from '@ragstream/identity';
import { COMMAND_EXECUTOR, EVENT_STORE } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';

/**
 * Forgets a user of the caller's tenant (another tenant's user is simply not found). The user
 * decider decides who may; the steps after it are idempotent, so a retry completes them.
 */
@Injectable()
export class ForgetUserHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: JetStreamEventStore,
    private readonly vault: PiiVault,
  ) {}

  async execute(principal: Principal, { params, body }: RouteInput<typeof forgetUserRoute>, idempotencyKey?: string) {
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), `forget-user:${params.userId}`, idempotencyKey);
    const result = await forgetUser(
      { executor: this.executor, store: this.store, vault: this.vault },
      { tenantId: principal.tenantId, userId: params.userId, reason: body.reason, authority: authorityOf(principal), commit: (step) => ctx.commit(step) },
    );
    return { userId: params.userId, ...result };
  }
}
