import { Inject, Injectable } from '@nestjs/common';
import type { RouteInput, changePassword } from '@ragstream/contracts';
import { DomainError, sessionDecider, userDecider } from '@ragstream/domain';
import { actorOf, hashPassword, verifyPassword, type Principal } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';
import { IdentityLookups } from '../commands/identity-services';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

function requireUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new DomainError('AUTH.USER_REQUIRED', 'forbidden', 'only a signed-in user can do this, not an API key');
  return principal;
}

/** Logout and password change: commands on the signed-in user's own session and account. */
@Injectable()
export class SessionCommandsHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly lookups: IdentityLookups,
  ) {}

  async logOut(principal: Principal) {
    const user = requireUser(principal);
    const ctx = new CommandContext(user.tenantId, actorOf(user), 'logout');
    const result = await this.executor.execute(sessionDecider, { type: 'EndSession', data: {}, metadata: ctx.metadata() }, {
      tenantId: user.tenantId,
      aggregateId: user.sessionId,
      context: ctx.commit(),
    });
    return { position: result.position, version: result.version };
  }

  async changePassword(principal: Principal, { body }: RouteInput<typeof changePassword>, idempotencyKey?: string) {
    const user = requireUser(principal);
    const ctx = new CommandContext(user.tenantId, actorOf(user), 'change-password', idempotencyKey);
    const { state, version } = await this.executor.state(userDecider, user.tenantId, user.userId);
    const current = state.passwordHash ? await this.lookups.vault.open(user.userId, state.passwordHash) : null;
    if (!current || !(await verifyPassword(current, body.currentPassword))) {
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'forbidden', 'the current password is wrong');
    }
    const passwordHash = await this.lookups.vault.seal(user.userId, await hashPassword(body.newPassword));
    const result = await this.executor.execute(userDecider, { type: 'ChangePassword', data: { passwordHash }, metadata: ctx.metadata() }, {
      tenantId: user.tenantId,
      aggregateId: user.userId,
      context: ctx.commit(),
      expectedVersion: version,
    });
    return { position: result.position, version: result.version };
  }
}
