import type { Citation, SourceChunk } from '@ragstream/contracts';
import { conflict, forbidden, invalid, notFound, type CommandMetadata } from '../shared';
import type { WorkspaceAccess } from '../document';
import { own, type ConversationState } from './conversation.state';

/** How events name an actor: `<type>:<id>`, as in `startedBy` and `by`. */
export const actorRef = ({ actor }: CommandMetadata): string => `${actor.type}:${actor.id}`;

/** The actor holds a role in a workspace that exists for them. */
export function requireMember(access: WorkspaceAccess): void {
  // A workspace the actor cannot even read does not exist for them.
  if (!access.exists || access.role === null) throw notFound('WORKSPACE.NOT_FOUND', 'no such workspace');
}

/** New content (a conversation, a user message) needs a workspace that is not archived; finishing a turn does not. */
export function requireOpenWorkspace(access: WorkspaceAccess): void {
  if (access.archived) throw conflict('WORKSPACE.ARCHIVED', 'the workspace is archived');
}

/** The conversation exists in the workspace the access was checked for; a deleted one is gone for every command. */
export function requireLive(state: ConversationState, access: WorkspaceAccess): void {
  if (!state.exists || state.deleted || state.workspaceId !== access.workspaceId) throw notFound('CONVERSATION.NOT_FOUND', 'no such conversation');
}

export function requireStarter(state: ConversationState, metadata: CommandMetadata): void {
  if (actorRef(metadata) !== state.startedBy) throw forbidden('CONVERSATION.FORBIDDEN', 'only whoever started the conversation may do this');
}

/** `replyTo` is a user message whose turn is still open. */
export function requireOpenTurn(state: ConversationState, replyTo: string): void {
  const asked = own(state.messages, replyTo);
  if (asked?.role !== 'user') throw notFound('CONVERSATION.MESSAGE_NOT_FOUND', 'no such user message');
  if (asked.answered) throw conflict('CONVERSATION.ALREADY_ANSWERED', 'the message has been answered', { replyTo });
}

/** Source ids are unique and every citation names one of them with the same document, revision and chunk. */
export function requireCitedSources(sources: readonly SourceChunk[], citations: readonly Citation[]): void {
  const byId = new Map(sources.map((s) => [s.id, s]));
  if (byId.size !== sources.length) {
    const duplicates = sources.map((s) => s.id).filter((id, i, ids) => ids.indexOf(id) !== i);
    throw invalid('CONVERSATION.DUPLICATE_SOURCE', 'source ids must be unique', { sourceIds: [...new Set(duplicates)] });
  }
  const stray = citations
    .map((c, index) => ({ index, sourceId: c.sourceId, source: byId.get(c.sourceId), c }))
    .filter(({ source, c }) => !source || source.documentId !== c.documentId || source.revision !== c.revision || source.chunkIndex !== c.chunkIndex)
    .map(({ index, sourceId }) => ({ index, sourceId }));
  if (stray.length) throw invalid('CONVERSATION.CITATION_NOT_RETRIEVED', 'every citation must name a source of the answer', { citations: stray });
}
