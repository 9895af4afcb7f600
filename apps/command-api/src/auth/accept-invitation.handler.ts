import { Inject, Injectable } from '@nestjs/common';
import type { RouteInput, acceptInvitation } from '@ragstream/contracts';
import { userDecider } from '@ragstream/domain';
import { hashPassword } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { sha256Hex } from '@ragstream/identity';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';
import { IdentityLookups } from '../commands/identity-services';

/** `inv_<tenantId>_<userId>_<secret>`: the ids say where the invited user lives, the secret proves it. */
export function formatInvitationToken(tenantId: string, userId: string, secret: string): string {
  return `inv_${tenantId}_${userId}_${secret}`;
}

/** The secret may itself contain '_', so the two fixed-width ids are cut off first. */
export function parseInvitationToken(token: string): { tenantId: string; userId: string; secret: string } {
  return { tenantId: token.slice(4, 40), userId: token.slice(41, 77), secret: token.slice(78) };
}

/** Activates an invited user with the password they choose. */
@Injectable()
export class AcceptInvitationHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly lookups: IdentityLookups,
  ) {}

  async execute({ body }: RouteInput<typeof acceptInvitation>) {
    const { tenantId, userId, secret } = parseInvitationToken(body.token);
    const ctx = new CommandContext(tenantId, { type: 'user', id: userId }, 'accept-invitation');
    const user = await this.lookups.user(tenantId, userId);
    // Only an invited user gets a key-sealed hash; for anyone else the decider refuses before using it.
    const passwordHash = user.status === 'invited' ? await this.lookups.vault.seal(userId, await hashPassword(body.password)) : 'pii:v1:unused';
    const result = await this.executor.execute(
      userDecider,
      { type: 'AcceptInvitation', data: { tokenHash: sha256Hex(secret), passwordHash }, metadata: ctx.metadata() },
      { tenantId, aggregateId: userId, context: ctx.commit() },
    );
    return { position: result.position, version: result.version, userId, tenantId };
  }
}
