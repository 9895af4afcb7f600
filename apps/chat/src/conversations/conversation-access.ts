import { Inject, Injectable } from '@nestjs/common';
import { actorOf, authorityOf, type Principal } from '@ragstream/auth';
import { conversationDecider, effectiveWorkspaceRole, notFound, roleAtLeast, workspaceDecider, type ConversationState, type WorkspaceAccess } from '@ragstream/domain';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';

export const conversationNotFound = () => notFound('CONVERSATION.NOT_FOUND', 'no such conversation');

/** How events name the caller (`startedBy`, `by`): `<actor type>:<actor id>`. */
export function actorRefOf(principal: Principal): string {
  const actor = actorOf(principal);
  return `${actor.type}:${actor.id}`;
}

export interface ConversationStanding {
  readonly state: ConversationState;
  readonly access: WorkspaceAccess;
  readonly version: number;
}

/**
 * The caller's standing towards a conversation, from the aggregates themselves (strongly consistent).
 * Conversations are private to whoever started them: to anyone else, in this tenant or another, they
 * do not exist.
 */
@Injectable()
export class ConversationAccess {
  constructor(@Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor) {}

  /** The caller's role in a workspace of their tenant; another tenant's id simply does not exist. */
  async workspace(principal: Principal, workspaceId: string): Promise<WorkspaceAccess> {
    const { state } = await this.executor.state(workspaceDecider, principal.tenantId, workspaceId);
    const role = state.exists ? effectiveWorkspaceRole(state, actorOf(principal), authorityOf(principal, workspaceId)) : null;
    return { workspaceId, exists: state.exists, archived: state.archived, role };
  }

  /** A live conversation the caller started. */
  async own(principal: Principal, conversationId: string): Promise<ConversationStanding> {
    const standing = await this.load(principal, conversationId);
    if (standing.state.startedBy !== actorRefOf(principal)) throw conversationNotFound();
    return standing;
  }

  /** A live conversation the caller started, or one of a workspace they administer (moderation). */
  async ownOrModerated(principal: Principal, conversationId: string): Promise<ConversationStanding> {
    const standing = await this.load(principal, conversationId);
    if (standing.state.startedBy !== actorRefOf(principal) && !roleAtLeast(standing.access.role, 'admin')) throw conversationNotFound();
    return standing;
  }

  /** A live conversation of a workspace the caller is a member of: tool calls are decided by any member holding the role. */
  async inWorkspace(principal: Principal, conversationId: string): Promise<ConversationStanding> {
    return this.load(principal, conversationId);
  }

  private async load(principal: Principal, conversationId: string): Promise<ConversationStanding> {
    const { state, version } = await this.executor.state(conversationDecider, principal.tenantId, conversationId);
    if (!state.exists || state.deleted) throw conversationNotFound();
    const access = await this.workspace(principal, state.workspaceId);
    if (!access.exists || access.role === null) throw conversationNotFound();
    return { state, access, version };
  }
}
