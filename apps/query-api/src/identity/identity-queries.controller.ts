import { Controller } from '@nestjs/common';
import { getMe, getWorkspace, listApiKeys, listMyTenants, listWorkspaceMembers, listWorkspaces, type RouteInput } from '@ragstream/contracts';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { Input, Route } from '@ragstream/platform';
import { AccessQueries } from './access-queries';
import { WorkspaceQueries } from './workspace-queries';

@Controller()
export class IdentityQueriesController {
  constructor(
    private readonly access: AccessQueries,
    private readonly workspaces: WorkspaceQueries,
  ) {}

  @Route(getMe)
  me(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof getMe>) {
    return this.access.me(p, input);
  }

  @Route(listMyTenants)
  tenants(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof listMyTenants>) {
    return this.access.tenants(p, input);
  }

  @Route(listApiKeys)
  apiKeys(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof listApiKeys>) {
    return this.access.apiKeys(p, input);
  }

  @Route(listWorkspaces)
  listWorkspaces(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof listWorkspaces>) {
    return this.workspaces.list(p, input);
  }

  @Route(getWorkspace)
  getWorkspace(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof getWorkspace>) {
    return this.workspaces.get(p, input);
  }

  @Route(listWorkspaceMembers)
  members(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof listWorkspaceMembers>) {
    return this.workspaces.members(p, input);
  }
}
