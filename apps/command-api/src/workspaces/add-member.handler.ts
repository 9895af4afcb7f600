import { Inject, Injectable } from '@nestjs/common';
import type { RouteInput, addWorkspaceMember } from '@ragstream/contracts';
import { DomainError, effectiveWorkspaceRole, roleAtLeast, userDecider, workspaceDecider } from '@ragstream/domain';
import { actorOf, authorityOf, onBehalfOf, type Principal } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { randomToken, sha256Hex } from '@ragstream/identity';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { formatInvitationToken } from '../auth/accept-invitation.handler';
import type { CommandApiConfig } from '../command-api.config';
import { CommandContext } from '../commands/command-context';
import { IdentityLookups } from '../commands/identity-services';
import { COMMAND_API_CONFIG } from '../commands/tokens';
import { WorkspaceCommandsHandler } from './workspace-commands.handler';

const notFound = () => new DomainError('USER.NOT_FOUND', 'not-found', 'no such user in this tenant');

/**
 * Adds a member by user id, or by e-mail: an address unknown to the platform becomes a new user of
 * this tenant, invited with a one-time token. Authority is checked before anyone is invited.
 */
@Injectable()
export class AddMemberHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(COMMAND_API_CONFIG) private readonly config: CommandApiConfig,
    private readonly lookups: IdentityLookups,
    private readonly workspaces: WorkspaceCommandsHandler,
  ) {}

  async execute(principal: Principal, { params, body }: RouteInput<typeof addWorkspaceMember>, key?: string) {
    const { tenantId } = principal;
    const ctx = new CommandContext(tenantId, actorOf(principal), 'add-member', key);
    await this.requireAdmin(principal, params.workspaceId);
    let userId: string;
    let invitationToken: string | undefined;
    if ('userId' in body) {
      userId = body.userId;
      if ((await this.lookups.user(tenantId, userId)).status === 'none') throw notFound();
    } else {
      const holder = await this.lookups.emailHolder(body.email);
      if (holder && holder.tenantId !== tenantId) throw new DomainError('EMAIL.TAKEN', 'conflict', 'this e-mail address belongs to another tenant');
      userId = holder?.userId ?? ctx.id('user');
      // A retry of the request that invited this user answers the same (derived) token again.
      const ours = !holder || (ctx.idempotent && holder.userId === ctx.id('user'));
      if (ours) invitationToken = await this.invite(principal, ctx, userId, body);
    }
    const added = await this.workspaces.addMember(principal, ctx, params.workspaceId, { userId, role: body.role });
    return { ...added, userId, invited: invitationToken !== undefined, ...(invitationToken ? { invitationToken } : {}) };
  }

  private async requireAdmin(principal: Principal, workspaceId: string) {
    const { state } = await this.executor.state(workspaceDecider, principal.tenantId, workspaceId);
    if (!state.exists) throw new DomainError('WORKSPACE.NOT_FOUND', 'not-found', 'no such workspace');
    const role = effectiveWorkspaceRole(state, actorOf(principal), authorityOf(principal, workspaceId));
    if (!roleAtLeast(role, 'admin')) throw new DomainError('WORKSPACE.FORBIDDEN', 'forbidden', 'adding members needs the admin role');
  }

  private async invite(principal: Principal, ctx: CommandContext, userId: string, body: { email: string; name: string }) {
    const { tenantId } = principal;
    const sealed = await this.lookups.reserveAndSeal(ctx, { userId, tenantId }, body);
    const secret = ctx.idempotent ? sha256Hex(`${this.config.HASH_PEPPER}:${ctx.commit('invite').commitId}`).slice(0, 32) : randomToken(24);
    const expiresAt = new Date(ctx.now.getTime() + this.config.INVITATION_TTL_HOURS * 3600_000).toISOString();
    const data = {
      ...sealed,
      inviteTokenHash: sha256Hex(secret),
      invitedBy: onBehalfOf(principal),
      expiresAt,
    };
    await this.executor.execute(userDecider, { type: 'InviteUser', data, metadata: ctx.metadata() }, { tenantId, aggregateId: userId, context: ctx.commit('user') });
    return formatInvitationToken(tenantId, userId, secret);
  }
}
