import { Inject, Injectable } from '@nestjs/common';
import { authorityOf, actorOf, type Principal } from '@ragstream/auth';
import { documentDecider, effectiveWorkspaceRole, notFound, workspaceDecider, type DocumentState, type WorkspaceAccess } from '@ragstream/domain';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';

/** Looks up what the deciders need to know about the caller's standing, from the aggregates themselves. */
@Injectable()
export class DocumentAccess {
  constructor(@Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor) {}

  /** The caller's role in a workspace of their tenant; another tenant's id simply does not exist. */
  async workspace(principal: Principal, workspaceId: string): Promise<WorkspaceAccess> {
    const { state } = await this.executor.state(workspaceDecider, principal.tenantId, workspaceId);
    const role = state.exists ? effectiveWorkspaceRole(state, actorOf(principal), authorityOf(principal, workspaceId)) : null;
    return { workspaceId, exists: state.exists, archived: state.archived, role };
  }

  /** A document and the caller's access to the workspace it lives in; unknown documents are 404. */
  async document(principal: Principal, documentId: string): Promise<{ state: DocumentState; access: WorkspaceAccess }> {
    const { state } = await this.executor.state(documentDecider, principal.tenantId, documentId);
    if (!state.exists) throw notFound('DOCUMENT.NOT_FOUND', 'no such document');
    return { state, access: await this.workspace(principal, state.workspaceId) };
  }
}
