import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import { DisplayName, WorkspaceRole } from './identity.schemas';

/** Aggregate `workspace`: a named set of documents and the members who may use it. */
export const WorkspaceCreated = defineEvent('workspace.created', [z.object({ name: DisplayName, ownerUserId: z.uuid() })]);
export const WorkspaceRenamed = defineEvent('workspace.renamed', [z.object({ name: DisplayName })]);
export const WorkspaceArchived = defineEvent('workspace.archived', [z.object({})]);
export const WorkspaceMemberAdded = defineEvent('workspace.member_added', [z.object({ userId: z.uuid(), role: WorkspaceRole })]);
export const WorkspaceMemberRoleChanged = defineEvent('workspace.member_role_changed', [
  z.object({ userId: z.uuid(), role: WorkspaceRole, previousRole: WorkspaceRole }),
]);
export const WorkspaceMemberRemoved = defineEvent('workspace.member_removed', [z.object({ userId: z.uuid() })]);

export const workspaceEvents = [
  WorkspaceCreated,
  WorkspaceRenamed,
  WorkspaceArchived,
  WorkspaceMemberAdded,
  WorkspaceMemberRoleChanged,
  WorkspaceMemberRemoved,
] as const;
export type WorkspaceEvent = EventOf<(typeof workspaceEvents)[number]>;
