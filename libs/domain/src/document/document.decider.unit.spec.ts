import { createEventRegistry, type DocumentEvent, type DocumentSource, type WorkspaceRole } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import type { CommandMetadata } from '../shared';
import type { DocumentCommand, WorkspaceAccess } from './document.commands';
import { documentDecider } from './document.decider';

const WS = '00000000-0000-4000-8000-00000000000a';
const OTHER_WS = '00000000-0000-4000-8000-00000000000b';
const metadata: CommandMetadata = { tenantId: 't1', actor: { type: 'user', id: 'u1' }, now: new Date('2026-01-01T00:00:00Z') };
const access = (role: WorkspaceRole | null = 'editor', over: Partial<WorkspaceAccess> = {}): WorkspaceAccess => ({ workspaceId: WS, exists: true, archived: false, role, ...over });
const source = (sha = 'a'): DocumentSource => ({ type: 'upload', format: 'markdown', mediaType: 'text/markdown', fileName: 'notes.md', content: { sha256: sha.repeat(64), size: 10 } });
const cmd = (type: DocumentCommand['type'], data: object): DocumentCommand => ({ type, data: { access: access(), ...data }, metadata }) as DocumentCommand;

const ingestedData = { workspaceId: WS, title: 'Notes', source: source(), tags: ['a'], metadata: { team: 'x' }, revision: 1 };
const ingested: DocumentEvent = { type: 'document.ingested', data: ingestedData };
const ingest = (over: object = {}) => cmd('IngestDocument', { title: 'Notes', source: source(), tags: ['a', 'a'], metadata: { team: 'x' }, ...over });
const deleted: DocumentEvent = { type: 'document.deleted', data: {} };

describe('document decider', () => {
  const { given } = spec(documentDecider, { registry: createEventRegistry() });

  describe('IngestDocument', () => {
    it('ingests with unique tags at revision 1', () =>
      given([]).when(ingest()).then([ingested], (s) => expect(s).toMatchObject({ exists: true, workspaceId: WS, revision: 1 })));
    it('refuses live content that exists (a duplicate)', () => given([ingested]).when(ingest()).thenThrows('DOCUMENT.EXISTS', 'conflict'));
    it('brings a deleted document back at the next revision', () =>
      given([ingested, deleted]).when(ingest()).then([{ ...ingested, data: { ...ingestedData, revision: 2 } }], (s) => expect(s.deleted).toBe(false)));
    it('refuses a reader', () => given([]).when(ingest({ access: access('reader') })).thenThrows('DOCUMENT.FORBIDDEN', 'forbidden'));
    it('hides a workspace the actor has no role in', () => given([]).when(ingest({ access: access(null) })).thenThrows('WORKSPACE.NOT_FOUND', 'not-found'));
    it('refuses an archived workspace', () =>
      given([]).when(ingest({ access: access('owner', { archived: true }) })).thenThrows('WORKSPACE.ARCHIVED', 'conflict'));
  });

  describe('ReviseDocument', () => {
    it('records new content as the next revision', () =>
      given([ingested]).when(cmd('ReviseDocument', { source: source('b') })).then([{ type: 'document.revised', data: { source: source('b'), revision: 2, title: 'Notes' } }]));
    it('changes nothing for the same content', () => given([ingested]).when(cmd('ReviseDocument', { source: source() })).then([]));
    it('refuses a deleted document', () => given([ingested, deleted]).when(cmd('ReviseDocument', { source: source('b') })).thenThrows('DOCUMENT.DELETED', 'conflict'));
    it('does not find a document that never existed', () => given([]).when(cmd('ReviseDocument', { source: source('b') })).thenThrows('DOCUMENT.NOT_FOUND', 'not-found'));
    it('does not find it through another workspace', () =>
      given([ingested]).when(cmd('ReviseDocument', { source: source('b'), access: access('owner', { workspaceId: OTHER_WS }) })).thenThrows('DOCUMENT.NOT_FOUND', 'not-found'));
  });

  describe('labels', () => {
    it('renames', () => given([ingested]).when(cmd('LabelDocument', { title: 'Plan' })).then([{ type: 'document.renamed', data: { title: 'Plan' } }]));
    it('ignores the same title', () => given([ingested]).when(cmd('LabelDocument', { title: 'Notes' })).then([]));
    it('retags', () => given([ingested]).when(cmd('LabelDocument', { tags: ['b', 'b', 'c'] })).then([{ type: 'document.retagged', data: { tags: ['b', 'c'] } }]));
    it('ignores the same tags', () => given([ingested]).when(cmd('LabelDocument', { tags: ['a'] })).then([]));
    it('sets metadata', () =>
      given([ingested]).when(cmd('LabelDocument', { metadata: { year: 2024 } })).then([{ type: 'document.metadata_set', data: { metadata: { year: 2024 } } }]));
    it('changes title, tags and metadata in one commit', () =>
      given([ingested]).when(cmd('LabelDocument', { title: 'Plan', tags: ['a'], metadata: { team: 'y' } })).then([
        { type: 'document.renamed', data: { title: 'Plan' } },
        { type: 'document.metadata_set', data: { metadata: { team: 'y' } } },
      ]));
    it('ignores the same metadata', () => given([ingested]).when(cmd('LabelDocument', { metadata: { team: 'x' } })).then([]));
    it('refuses a reader', () => given([ingested]).when(cmd('LabelDocument', { title: 'P', access: access('reader') })).thenThrows('DOCUMENT.FORBIDDEN', 'forbidden'));
  });

  describe('MoveDocument', () => {
    const target = access('editor', { workspaceId: OTHER_WS });
    it('moves to another workspace of the tenant', () =>
      given([ingested]).when(cmd('MoveDocument', { target })).then([{ type: 'document.moved', data: { fromWorkspaceId: WS, toWorkspaceId: OTHER_WS } }], (s) =>
        expect(s.workspaceId).toBe(OTHER_WS)));
    it('needs editor in the target too', () =>
      given([ingested]).when(cmd('MoveDocument', { target: { ...target, role: 'reader' } })).thenThrows('DOCUMENT.FORBIDDEN', 'forbidden'));
    it('hides a target the actor cannot see', () =>
      given([ingested]).when(cmd('MoveDocument', { target: { ...target, exists: false } })).thenThrows('WORKSPACE.NOT_FOUND', 'not-found'));
  });

  describe('DeleteDocument and RequestReindex', () => {
    it('deletes', () => given([ingested]).when(cmd('DeleteDocument', {})).then([deleted], (s) => expect(s.deleted).toBe(true)));
    it('refuses to delete twice', () => given([ingested, deleted]).when(cmd('DeleteDocument', {})).thenThrows('DOCUMENT.DELETED', 'conflict'));
    it('requests a reindex of the current revision', () =>
      given([ingested]).when(cmd('RequestReindex', { reason: 'provider was down' })).then([{ type: 'document.reindex_requested', data: { revision: 1, source: source(), title: 'Notes', reason: 'provider was down' } }]));
  });
});
