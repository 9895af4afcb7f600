import type { WorkspaceRole } from '@ragstream/contracts';
import type { Authority } from '../access';
import type { DomainCommand } from '../shared';

export type CreateWorkspace = DomainCommand<'CreateWorkspace', { name: string; ownerUserId: string; authority: Authority }>;
export type RenameWorkspace = DomainCommand<'RenameWorkspace', { name: string; authority: Authority }>;
export type ArchiveWorkspace = DomainCommand<'ArchiveWorkspace', { authority: Authority }>;
export type AddWorkspaceMember = DomainCommand<'AddWorkspaceMember', { userId: string; role: WorkspaceRole; authority: Authority }>;
export type ChangeWorkspaceMemberRole = DomainCommand<
  'ChangeWorkspaceMemberRole',
  { userId: string; role: WorkspaceRole; authority: Authority }
>;
export type RemoveWorkspaceMember = DomainCommand<'RemoveWorkspaceMember', { userId: string; authority: Authority }>;

export type WorkspaceCommand =
  | CreateWorkspace
  | RenameWorkspace
  | ArchiveWorkspace
  | AddWorkspaceMember
  | ChangeWorkspaceMemberRole
  | RemoveWorkspaceMember;
