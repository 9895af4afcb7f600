import type { DocumentEvent, DocumentMetadata } from '@ragstream/contracts';
import { assertNever, conflict, type Decider } from '../shared';
import type { DocumentCommand, IngestDocument } from './document.commands';
import { requireEditor, requireLive } from './document.guards';
import { evolveDocument, initialDocumentState, type DocumentState } from './document.state';

function decide(command: DocumentCommand, state: DocumentState): DocumentEvent[] {
  if (command.type === 'IngestDocument') return ingest(command, state);
  requireLive(state, command.data.access);
  switch (command.type) {
    case 'ReviseDocument': {
      const { source } = command.data;
      if (source.content.sha256 === state.source?.content.sha256 && source.format === state.source?.format) return [];
      return [{ type: 'document.revised', data: { source, revision: state.revision + 1, title: state.title } }];
    }
    case 'LabelDocument':
      return label(command.data, state);
    case 'MoveDocument': {
      const { target } = command.data;
      requireEditor(target);
      if (target.workspaceId === state.workspaceId) return [];
      return [{ type: 'document.moved', data: { fromWorkspaceId: state.workspaceId, toWorkspaceId: target.workspaceId } }];
    }
    case 'DeleteDocument':
      return [{ type: 'document.deleted', data: {} }];
    case 'RequestReindex':
      return [{ type: 'document.reindex_requested', data: { revision: state.revision, source: state.source!, title: state.title, reason: command.data.reason } }];
    default:
      return assertNever(command);
  }
}

/** New, or a deleted document brought back with new content; live content is a duplicate the caller reports. */
function ingest(command: IngestDocument, state: DocumentState): DocumentEvent[] {
  const { access, title, source, tags, metadata } = command.data;
  requireEditor(access);
  if (state.exists && !state.deleted) {
    throw conflict('DOCUMENT.EXISTS', 'the document already exists', { workspaceId: state.workspaceId });
  }
  const data = { workspaceId: access.workspaceId, title, source, tags: unique(tags), metadata, revision: state.revision + 1 };
  return [{ type: 'document.ingested', data }];
}

function label({ title, tags, metadata }: { title?: string; tags?: string[]; metadata?: DocumentMetadata }, state: DocumentState): DocumentEvent[] {
  const events: DocumentEvent[] = [];
  if (title !== undefined && title !== state.title) events.push({ type: 'document.renamed', data: { title } });
  const newTags = tags && unique(tags);
  if (newTags && !sameList(newTags, state.tags)) events.push({ type: 'document.retagged', data: { tags: newTags } });
  if (metadata && !sameJson(metadata, state.metadata)) events.push({ type: 'document.metadata_set', data: { metadata } });
  return events;
}

const unique = (values: readonly string[]) => [...new Set(values)];
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameJson = (a: object, b: object) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
const sortKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));

/** A document of a workspace: ingested, revised, labelled, moved within the tenant, deleted. */
export const documentDecider: Decider<DocumentState, DocumentCommand, DocumentEvent> = {
  aggregateType: 'document',
  initialState: initialDocumentState,
  decide,
  evolve: evolveDocument,
};
