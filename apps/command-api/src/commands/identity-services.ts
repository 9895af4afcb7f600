import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_TENANT } from '@ragstream/contracts';
import { emailReservationDecider, tenantDecider, userDecider, type TenantRole } from '@ragstream/domain';
import type { CommandExecutor } from '@ragstream/event-store';
import { PiiVault, emailHash } from '@ragstream/identity';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import type { CommandApiConfig } from '../command-api.config';
import type { CommandContext } from './command-context';
import { COMMAND_API_CONFIG } from './tokens';

/** Look-ups on the write side that several identity handlers share; all strongly consistent. */
@Injectable()
export class IdentityLookups {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(COMMAND_API_CONFIG) private readonly config: CommandApiConfig,
    readonly vault: PiiVault,
  ) {}

  emailKey(email: string): string {
    return emailHash(this.config.HASH_PEPPER, email);
  }

  /** Who holds an e-mail address, from its reservation aggregate. */
  async emailHolder(email: string): Promise<{ userId: string; tenantId: string } | null> {
    const { state } = await this.executor.state(emailReservationDecider, SYSTEM_TENANT, this.emailKey(email));
    return state.holder;
  }

  /**
   * Reserves the address for a new user (the one step another request can win, so it comes first),
   * then creates the user's key and seals their e-mail and name with it.
   */
  async reserveAndSeal(ctx: CommandContext, user: { userId: string; tenantId: string }, profile: { email: string; name: string }) {
    const emailHash = this.emailKey(profile.email);
    await this.executor.execute(emailReservationDecider, { type: 'ReserveEmail', data: user, metadata: ctx.metadata() }, {
      tenantId: SYSTEM_TENANT,
      aggregateId: emailHash,
      context: ctx.commit('email'),
    });
    await this.vault.ensureKey(user.userId, user.tenantId);
    const [email, name] = await Promise.all([this.vault.seal(user.userId, profile.email), this.vault.seal(user.userId, profile.name)]);
    return { emailHash, email, name };
  }

  async user(tenantId: string, userId: string) {
    return (await this.executor.state(userDecider, tenantId, userId)).state;
  }

  /** A user's role in their tenant: explicit for owners and admins, 'member' for every other user. */
  async tenantRole(tenantId: string, userId: string): Promise<TenantRole | null> {
    const { state } = await this.executor.state(tenantDecider, tenantId, tenantId);
    if (!state.exists) return null;
    return state.members[userId] ?? 'member';
  }
}
