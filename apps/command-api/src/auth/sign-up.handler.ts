import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_TENANT, type RouteInput, type signUp } from '@ragstream/contracts';
import { tenantDecider, userDecider, workspaceDecider } from '@ragstream/domain';
import { hashPassword } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';
import { IdentityLookups } from '../commands/identity-services';

/**
 * Sign-up spans four aggregates, one commit each. The e-mail reservation comes first: it is the
 * only step that can be refused (another sign-up took the address), so a loser writes nothing.
 * Every id derives from the Idempotency-Key, so a retry after a crash completes the missing steps.
 */
@Injectable()
export class SignUpHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly lookups: IdentityLookups,
  ) {}

  async execute({ body }: RouteInput<typeof signUp>, idempotencyKey?: string) {
    const emailHash = this.lookups.emailKey(body.email);
    // Public route: the key is scoped by the address too, so strangers' keys never collide.
    const ctx = new CommandContext(SYSTEM_TENANT, { type: 'system', id: 'signup' }, `signup:${emailHash}`, idempotencyKey);
    const [tenantId, userId, workspaceId] = [ctx.id('tenant'), ctx.id('user'), ctx.id('workspace')];
    const as = { tenantId, actor: { type: 'user' as const, id: userId }, now: ctx.now };
    const { email, name } = await this.lookups.reserveAndSeal(ctx, { userId, tenantId }, body);
    const passwordHash = await this.lookups.vault.seal(userId, await hashPassword(body.password));
    const commit = (step: string) => ({ ...ctx.commit(step), actor: as.actor });
    await this.executor.execute(userDecider, { type: 'RegisterUser', data: { emailHash, email, name, passwordHash }, metadata: as }, { tenantId, aggregateId: userId, context: commit('user') });
    await this.executor.execute(tenantDecider, { type: 'CreateTenant', data: { name: body.tenantName, ownerUserId: userId }, metadata: as }, { tenantId, aggregateId: tenantId, context: commit('tenant') });
    const created = await this.executor.execute(
      workspaceDecider,
      { type: 'CreateWorkspace', data: { name: body.workspaceName, ownerUserId: userId, authority: { tenantRole: 'owner' } }, metadata: as },
      { tenantId, aggregateId: workspaceId, context: commit('workspace') },
    );
    return { tenantId, workspaceId, userId, position: created.position };
  }
}
