import { Controller } from '@nestjs/common';
import {
  addWorkspaceMember,
  archiveWorkspace,
  changeWorkspaceMemberRole,
  createWorkspace,
  removeWorkspaceMember,
  renameWorkspace,
  type RouteInput,
} from '@ragstream/contracts';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { Header, Input, Route } from '@ragstream/platform';
import { IfMatch } from '../commands/if-match.decorator';
import { AddMemberHandler } from './add-member.handler';
import { WorkspaceCommandsHandler } from './workspace-commands.handler';

@Controller()
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspaceCommandsHandler,
    private readonly members: AddMemberHandler,
  ) {}

  @Route(createWorkspace)
  create(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof createWorkspace>, @Header('idempotency-key') key?: string) {
    return this.workspaces.create(p, input, key);
  }

  @Route(renameWorkspace)
  rename(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof renameWorkspace>, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    return this.workspaces.rename(p, input, key, v);
  }

  @Route(archiveWorkspace)
  archive(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof archiveWorkspace>, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    return this.workspaces.archive(p, input, key, v);
  }

  @Route(addWorkspaceMember)
  addMember(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof addWorkspaceMember>, @Header('idempotency-key') key?: string) {
    return this.members.execute(p, input, key);
  }

  @Route(changeWorkspaceMemberRole)
  changeRole(
    @CurrentPrincipal() p: Principal,
    @Input() input: RouteInput<typeof changeWorkspaceMemberRole>,
    @Header('idempotency-key') key?: string,
    @IfMatch() v?: number,
  ) {
    return this.workspaces.changeRole(p, input, key, v);
  }

  @Route(removeWorkspaceMember)
  removeMember(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof removeWorkspaceMember>, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    return this.workspaces.removeMember(p, input, key, v);
  }
}
