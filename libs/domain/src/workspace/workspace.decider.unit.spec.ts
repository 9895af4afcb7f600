import { identityEventRegistry, type WorkspaceEvent, type WorkspaceRole } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import type { WorkspaceCommand } from './workspace.commands';
import { workspaceDecider } from './workspace.decider';
import { ADMIN, CO_OWNER, EDITOR, NEWCOMER, OWNER, READER, archived, callers, created, memberAdded, team } from './workspace.fixtures';

const { owner, admin } = callers;
const roleChanged = (userId: string, role: WorkspaceRole, previousRole: WorkspaceRole): WorkspaceEvent => ({
  type: 'workspace.member_role_changed',
  data: { userId, role, previousRole },
});
const removed = (userId: string): WorkspaceEvent => ({ type: 'workspace.member_removed', data: { userId } });

const create: WorkspaceCommand = {
  type: 'CreateWorkspace',
  data: { name: 'Research', ownerUserId: OWNER, authority: owner.authority },
  metadata: owner.metadata,
};
const rename = (name: string): WorkspaceCommand => ({
  type: 'RenameWorkspace',
  data: { name, authority: admin.authority },
  metadata: admin.metadata,
});
const archive: WorkspaceCommand = { type: 'ArchiveWorkspace', data: { authority: owner.authority }, metadata: owner.metadata };
const add = (userId: string, role: WorkspaceRole, by = admin): WorkspaceCommand => ({
  type: 'AddWorkspaceMember',
  data: { userId, role, authority: by.authority },
  metadata: by.metadata,
});
const change = (userId: string, role: WorkspaceRole, by = admin): WorkspaceCommand => ({
  type: 'ChangeWorkspaceMemberRole',
  data: { userId, role, authority: by.authority },
  metadata: by.metadata,
});
const remove = (userId: string, by = admin): WorkspaceCommand => ({
  type: 'RemoveWorkspaceMember',
  data: { userId, authority: by.authority },
  metadata: by.metadata,
});
const everyChange = [rename('Lab'), archive, add(NEWCOMER, 'reader'), change(EDITOR, 'reader'), remove(READER)];

describe('workspace decider', () => {
  const given = spec(workspaceDecider, { registry: identityEventRegistry() }).given;

  describe('CreateWorkspace', () => {
    it('creates the workspace with its creator as owner', () =>
      given([]).when(create).then([created], (state) => expect(state).toMatchObject({ exists: true, members: { [OWNER]: 'owner' } })));
    it('refuses a workspace that exists', () => given([created]).when(create).thenThrows('WORKSPACE.EXISTS', 'conflict'));
  });

  describe('RenameWorkspace', () => {
    it('renames', () =>
      given(team)
        .when(rename('Lab'))
        .then([{ type: 'workspace.renamed', data: { name: 'Lab' } }], (state) => expect(state.name).toBe('Lab')));
    it('changes nothing when the name is the same', () => given(team).when(rename('Research')).then([]));
  });

  describe('ArchiveWorkspace', () => {
    it('archives', () => given(team).when(archive).then([archived], (state) => expect(state.archived).toBe(true)));
    it('refuses a workspace already archived', () =>
      given([...team, archived]).when(archive).thenThrows('WORKSPACE.ARCHIVED', 'conflict'));
  });

  describe('AddWorkspaceMember', () => {
    it('adds a member', () => given(team).when(add(NEWCOMER, 'editor')).then([memberAdded(NEWCOMER, 'editor')]));
    it('lets an owner add an owner', () => given(team).when(add(NEWCOMER, 'owner', owner)).then([memberAdded(NEWCOMER, 'owner')]));
    it('refuses a user who is already a member', () =>
      given(team).when(add(READER, 'editor')).thenThrows('WORKSPACE.MEMBER_EXISTS', 'conflict'));
  });

  describe('ChangeWorkspaceMemberRole', () => {
    it('changes a role', () =>
      given(team)
        .when(change(READER, 'editor'))
        .then([roleChanged(READER, 'editor', 'reader')], (state) => expect(state.members[READER]).toBe('editor')));
    it('changes nothing when the role is the same', () => given(team).when(change(READER, 'reader')).then([]));
    it('lets an owner promote to owner', () =>
      given(team).when(change(ADMIN, 'owner', owner)).then([roleChanged(ADMIN, 'owner', 'admin')]));
    it('lets an owner step down when another owner remains', () =>
      given([...team, memberAdded(CO_OWNER, 'owner')])
        .when(change(OWNER, 'admin', owner))
        .then([roleChanged(OWNER, 'admin', 'owner')]));
    it('refuses demoting the last owner', () =>
      given(team).when(change(OWNER, 'admin', owner)).thenThrows('WORKSPACE.LAST_OWNER', 'conflict'));
    it('refuses a user who is not a member', () =>
      given(team).when(change(NEWCOMER, 'reader')).thenThrows('WORKSPACE.MEMBER_NOT_FOUND', 'not-found'));
  });

  describe('RemoveWorkspaceMember', () => {
    it('removes a member', () =>
      given(team).when(remove(READER)).then([removed(READER)], (state) => expect(state.members[READER]).toBeUndefined()));
    it('lets an owner remove another owner', () =>
      given([...team, memberAdded(CO_OWNER, 'owner')]).when(remove(CO_OWNER, owner)).then([removed(CO_OWNER)]));
    it('refuses removing the last owner', () => given(team).when(remove(OWNER, owner)).thenThrows('WORKSPACE.LAST_OWNER', 'conflict'));
    it('refuses a user who is not a member', () =>
      given(team).when(remove(NEWCOMER)).thenThrows('WORKSPACE.MEMBER_NOT_FOUND', 'not-found'));
    it('lets a removed member be added again', () =>
      given([...team, removed(READER)]).when(add(READER, 'editor')).then([memberAdded(READER, 'editor')]));
  });

  describe('every command but creation', () => {
    it.each(everyChange)('$type refuses a workspace that does not exist', (command) =>
      given([]).when(command).thenThrows('WORKSPACE.NOT_FOUND', 'not-found'));
    it.each(everyChange)('$type refuses an archived workspace', (command) =>
      given([...team, archived]).when(command).thenThrows('WORKSPACE.ARCHIVED', 'conflict'));
  });
});
