import type { SearchSession } from './search-session';

/** What the document list says about a workspace: documents by indexing state, and their chunks. */
export interface DocumentCensus {
  readonly documents: number;
  readonly chunks: number;
  readonly byState: Record<string, number>;
  /** The reason of the first failed document, if any. */
  readonly firstFailure?: string;
}

/** Pages through `GET /v1/workspaces/{id}/documents` (read-your-writes at `minPosition`) and sums `status.chunkCount`. */
export async function documentCensus(s: SearchSession, minPosition: number): Promise<DocumentCensus> {
  const byState: Record<string, number> = {};
  let [documents, chunks] = [0, 0];
  let firstFailure: string | undefined;
  let cursor: string | null = null;
  do {
    const query: string = `limit=200&minPosition=${minPosition}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await s.platform.queryClient.expect(200, 'GET', `/v1/workspaces/${s.workspaceId}/documents?${query}`, s.auth);
    for (const doc of page.items) {
      documents++;
      chunks += doc.status.chunkCount;
      byState[doc.status.state] = (byState[doc.status.state] ?? 0) + 1;
      if (doc.status.state === 'failed') firstFailure ??= doc.status.reason ?? 'no reason given';
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { documents, chunks, byState, ...(firstFailure && { firstFailure }) };
}
