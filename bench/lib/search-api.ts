import type { SearchSession } from './search-session';

export type SearchMode = 'hybrid' | 'vector' | 'lexical';
export const SEARCH_MODES: readonly SearchMode[] = ['hybrid', 'vector', 'lexical'];

/** One chunk of a ranking: the API's hits and the exact baseline's rows reduce to this. */
export interface RankedChunk {
  readonly documentId: string;
  readonly chunkIndex: number;
  /** The mode's own score; cosine similarity for vector rankings. */
  readonly score: number;
}

export interface SearchAnswer {
  readonly hits: RankedChunk[];
  readonly model: string;
  /** The server's own timing of the search, without HTTP and authentication. */
  readonly tookMs: number;
}

/** `POST /v1/search` over the session's workspace; a status other than 200 throws with the problem body. */
export async function searchApi(s: SearchSession, query: string, mode: SearchMode, k: number, minPosition?: number): Promise<SearchAnswer> {
  const body = { query, mode, k, workspaceIds: [s.workspaceId], ...(minPosition !== undefined && { minPosition }) };
  const answer = await s.platform.queryClient.expect(200, 'POST', '/v1/search', s.auth, body);
  const hits = (answer.hits as { documentId: string; chunkIndex: number; score: number }[]).map(({ documentId, chunkIndex, score }) => ({ documentId, chunkIndex, score }));
  return { hits, model: answer.model, tookMs: answer.tookMs };
}
