import { Inject, Injectable } from '@nestjs/common';
import type { archiveWorkspace, changeWorkspaceMemberRole, createWorkspace, removeWorkspaceMember, renameWorkspace, RouteInput } from '@ragstream/contracts';
import { DomainError, workspaceDecider, type WorkspaceCommand } from '@ragstream/domain';
import { actorOf, authorityOf, onBehalfOf, type Principal } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';

type Data<T extends WorkspaceCommand['type']> = Omit<Extract<WorkspaceCommand, { type: T }>['data'], 'authority'>;

/** Create, rename, archive a workspace and manage its members' roles: one decider, five steps each. */
@Injectable()
export class WorkspaceCommandsHandler {
  constructor(@Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor) {}

  async create(principal: Principal, { body }: RouteInput<typeof createWorkspace>, key?: string) {
    if (principal.kind === 'apikey' && principal.workspaceId) {
      throw new DomainError('APIKEY.WORKSPACE_BOUND', 'forbidden', 'a key bound to one workspace cannot create workspaces');
    }
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'create-workspace', key);
    const workspaceId = ctx.id('workspace');
    const result = await this.run(principal, ctx, workspaceId, 'CreateWorkspace', { name: body.name, ownerUserId: onBehalfOf(principal) });
    return { ...result, workspaceId };
  }

  rename(principal: Principal, { params, body }: RouteInput<typeof renameWorkspace>, key?: string, ifMatch?: number) {
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'rename-workspace', key);
    return this.run(principal, ctx, params.workspaceId, 'RenameWorkspace', { name: body.name }, ifMatch);
  }

  archive(principal: Principal, { params }: RouteInput<typeof archiveWorkspace>, key?: string, ifMatch?: number) {
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'archive-workspace', key);
    return this.run(principal, ctx, params.workspaceId, 'ArchiveWorkspace', {}, ifMatch);
  }

  changeRole(principal: Principal, { params, body }: RouteInput<typeof changeWorkspaceMemberRole>, key?: string, ifMatch?: number) {
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'change-member-role', key);
    return this.run(principal, ctx, params.workspaceId, 'ChangeWorkspaceMemberRole', { userId: params.userId, role: body.role }, ifMatch);
  }

  removeMember(principal: Principal, { params }: RouteInput<typeof removeWorkspaceMember>, key?: string, ifMatch?: number) {
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'remove-member', key);
    return this.run(principal, ctx, params.workspaceId, 'RemoveWorkspaceMember', { userId: params.userId }, ifMatch);
  }

  /** Adds an existing user of the tenant as a member (the invite path builds on it). */
  addMember(principal: Principal, ctx: CommandContext, workspaceId: string, data: Data<'AddWorkspaceMember'>) {
    return this.run(principal, ctx, workspaceId, 'AddWorkspaceMember', data);
  }

  private async run<T extends WorkspaceCommand['type']>(principal: Principal, ctx: CommandContext, workspaceId: string, type: T, data: Data<T>, ifMatch?: number) {
    const command = { type, data: { ...data, authority: authorityOf(principal, workspaceId) }, metadata: ctx.metadata() } as WorkspaceCommand;
    const result = await this.executor.execute(workspaceDecider, command, {
      tenantId: principal.tenantId,
      aggregateId: workspaceId,
      context: ctx.commit('workspace'),
      expectedVersion: ifMatch,
    });
    return { position: result.position, version: result.version };
  }
}
