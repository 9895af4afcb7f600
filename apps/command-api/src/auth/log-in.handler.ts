import { Inject, Injectable } from '@nestjs/common';
import type { RouteInput, logIn } from '@ragstream/contracts';
import { DomainError, sessionDecider } from '@ragstream/domain';
import { TokenService, hashPassword, verifyPassword } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';
import { IdentityLookups } from '../commands/identity-services';

const rejected = () => new DomainError('AUTH.INVALID_CREDENTIALS', 'unauthenticated', 'e-mail or password is wrong');
// Verifying against a throwaway hash keeps unknown addresses as slow as wrong passwords.
// Made on first need, not at import, so loading the module costs no argon2 run.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword('decoy password that never matches'));

/** Checks the password against the user aggregate (not a lagging read model) and starts a session. */
@Injectable()
export class LogInHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly lookups: IdentityLookups,
    private readonly tokens: TokenService,
  ) {}

  async execute({ body }: RouteInput<typeof logIn>) {
    const holder = await this.lookups.emailHolder(body.email);
    const user = holder ? await this.lookups.user(holder.tenantId, holder.userId) : undefined;
    const sealed = user?.status === 'active' ? user.passwordHash : null;
    const hash = sealed && holder ? await this.lookups.vault.open(holder.userId, sealed) : null;
    if (!holder || !hash) {
      await verifyPassword(await decoyHash(), body.password);
      throw rejected();
    }
    if (!(await verifyPassword(hash, body.password))) throw rejected();
    const ctx = new CommandContext(holder.tenantId, { type: 'user', id: holder.userId }, 'login');
    const sessionId = ctx.id('session');
    const refreshTokenId = this.tokens.newTokenId();
    const refreshExpiresAt = this.tokens.refreshExpiry(ctx.now);
    const started = await this.executor.execute(
      sessionDecider,
      { type: 'StartSession', data: { userId: holder.userId, tokenId: refreshTokenId, expiresAt: refreshExpiresAt.toISOString() }, metadata: ctx.metadata() },
      { tenantId: holder.tenantId, aggregateId: sessionId, context: ctx.commit() },
    );
    const tenantRole = await this.lookups.tenantRole(holder.tenantId, holder.userId);
    const pair = this.tokens.issue({ userId: holder.userId, tenantId: holder.tenantId, sessionId, tenantRole, refreshTokenId, refreshExpiresAt });
    return { ...pair, position: started.position };
  }
}
