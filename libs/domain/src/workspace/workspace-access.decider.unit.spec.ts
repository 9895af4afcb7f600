import { identityEventRegistry, type WorkspaceEvent, type WorkspaceRole } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import type { WorkspaceCommand } from './workspace.commands';
import { workspaceDecider } from './workspace.decider';
import { CO_OWNER, EDITOR, NEWCOMER, OWNER, archived, callers, memberAdded, team } from './workspace.fixtures';
import type { Caller, CallerName } from './workspace.fixtures';

const everyone = Object.keys(callers) as CallerName[];
const workspaceAdmins: CallerName[] = ['owner', 'admin', 'tenant admin', 'tenant owner', 'API key with admin scope'];
const tenantMembers: CallerName[] = [
  ...(['owner', 'admin', 'editor', 'reader'] as const),
  ...(['tenant member outside the workspace', 'tenant admin', 'tenant owner'] as const),
];

interface Row {
  what: string;
  command: (caller: Caller) => WorkspaceCommand;
  decided: WorkspaceEvent;
  /** Exactly who may; every other caller gets WORKSPACE.FORBIDDEN. */
  allowed: CallerName[];
}

const add = (role: WorkspaceRole) => (c: Caller): WorkspaceCommand => ({
  type: 'AddWorkspaceMember',
  data: { userId: NEWCOMER, role, authority: c.authority },
  metadata: c.metadata,
});
const change = (userId: string, role: WorkspaceRole) => (c: Caller): WorkspaceCommand => ({
  type: 'ChangeWorkspaceMemberRole',
  data: { userId, role, authority: c.authority },
  metadata: c.metadata,
});
const remove = (userId: string) => (c: Caller): WorkspaceCommand => ({
  type: 'RemoveWorkspaceMember',
  data: { userId, authority: c.authority },
  metadata: c.metadata,
});
const removed = (userId: string): WorkspaceEvent => ({ type: 'workspace.member_removed', data: { userId } });
const roleChanged = (userId: string, role: WorkspaceRole, previousRole: WorkspaceRole): WorkspaceEvent => ({
  type: 'workspace.member_role_changed',
  data: { userId, role, previousRole },
});

const matrix: Row[] = [
  {
    what: 'create a workspace',
    command: (c) => ({ type: 'CreateWorkspace', data: { name: 'New', ownerUserId: OWNER, authority: c.authority }, metadata: c.metadata }),
    decided: { type: 'workspace.created', data: { name: 'New', ownerUserId: OWNER } },
    allowed: [...tenantMembers, 'API key with admin scope', 'API key with write scope'],
  },
  {
    what: 'rename',
    command: (c) => ({ type: 'RenameWorkspace', data: { name: 'Lab', authority: c.authority }, metadata: c.metadata }),
    decided: { type: 'workspace.renamed', data: { name: 'Lab' } },
    allowed: workspaceAdmins,
  },
  {
    what: 'archive',
    command: (c) => ({ type: 'ArchiveWorkspace', data: { authority: c.authority }, metadata: c.metadata }),
    decided: archived,
    allowed: ['owner', 'tenant admin', 'tenant owner'],
  },
  { what: 'add an editor', command: add('editor'), decided: memberAdded(NEWCOMER, 'editor'), allowed: workspaceAdmins },
  { what: 'add an owner', command: add('owner'), decided: memberAdded(NEWCOMER, 'owner'), allowed: ['owner'] },
  {
    what: 'make an editor reader',
    command: change(EDITOR, 'reader'),
    decided: roleChanged(EDITOR, 'reader', 'editor'),
    allowed: workspaceAdmins,
  },
  { what: 'make an editor owner', command: change(EDITOR, 'owner'), decided: roleChanged(EDITOR, 'owner', 'editor'), allowed: ['owner'] },
  { what: 'demote an owner', command: change(CO_OWNER, 'admin'), decided: roleChanged(CO_OWNER, 'admin', 'owner'), allowed: ['owner'] },
  { what: 'remove an editor', command: remove(EDITOR), decided: removed(EDITOR), allowed: workspaceAdmins },
  { what: 'remove an owner', command: remove(CO_OWNER), decided: removed(CO_OWNER), allowed: ['owner'] },
];

const cases = matrix.flatMap((row) =>
  everyone.map((name) => ({ ...row, name, command: row.command(callers[name]), allowed: row.allowed.includes(name) })),
);
const historyFor = (command: WorkspaceCommand) => (command.type === 'CreateWorkspace' ? [] : [...team, memberAdded(CO_OWNER, 'owner')]);

describe('workspace role matrix', () => {
  const given = spec(workspaceDecider, { registry: identityEventRegistry() }).given;

  it.each(cases.filter((c) => c.allowed))('$name may $what', ({ command, decided }) =>
    given(historyFor(command)).when(command).then([decided]));

  it.each(cases.filter((c) => !c.allowed))('$name may not $what', ({ command }) =>
    given(historyFor(command)).when(command).thenThrows('WORKSPACE.FORBIDDEN', 'forbidden'));
});
