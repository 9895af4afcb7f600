import type { DocumentEvent, DocumentMetadata, DocumentSource } from '@ragstream/contracts';
import { assertNever } from '../shared';

/** Tenancy is in the subject; the workspace can change (move), so it is state. */
export interface DocumentState {
  readonly exists: boolean;
  readonly deleted: boolean;
  readonly workspaceId: string;
  readonly title: string;
  readonly revision: number;
  readonly source?: DocumentSource;
  readonly tags: readonly string[];
  readonly metadata: DocumentMetadata;
}

export const initialDocumentState = (): DocumentState => ({ exists: false, deleted: false, workspaceId: '', title: '', revision: 0, tags: [], metadata: {} });

export function evolveDocument(state: DocumentState, event: DocumentEvent): DocumentState {
  switch (event.type) {
    case 'document.ingested': {
      const { workspaceId, title, source, tags, metadata, revision } = event.data;
      return { exists: true, deleted: false, workspaceId, title, source, tags, metadata, revision };
    }
    case 'document.revised':
      return { ...state, source: event.data.source, revision: event.data.revision };
    case 'document.renamed':
      return { ...state, title: event.data.title };
    case 'document.retagged':
      return { ...state, tags: event.data.tags };
    case 'document.metadata_set':
      return { ...state, metadata: event.data.metadata };
    case 'document.moved':
      return { ...state, workspaceId: event.data.toWorkspaceId };
    case 'document.deleted':
      return { ...state, deleted: true };
    case 'document.reindex_requested':
      return state;
    default:
      return assertNever(event);
  }
}
