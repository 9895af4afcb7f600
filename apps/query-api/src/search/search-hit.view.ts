import type { SearchHit as HitView } from '@ragstream/contracts';
import type { SearchHit } from '@ragstream/search';
import type { z } from 'zod';

/** A ranked chunk as the API shows it: its document, every ranker's score and the citation anchor. */
export function toHitView(hit: SearchHit, title: string): z.infer<typeof HitView> {
  return {
    documentId: hit.documentId,
    workspaceId: hit.workspaceId,
    title,
    revision: hit.documentVersion,
    chunkIndex: hit.chunkIndex,
    text: hit.text,
    score: hit.score,
    scores: { lexical: hit.lexical ?? null, vector: hit.vector ?? null },
    anchor: {
      start: hit.start,
      end: hit.end,
      page: hit.page ?? null,
      pageEnd: hit.pageEnd ?? null,
      startMs: hit.startMs ?? null,
      endMs: hit.endMs ?? null,
      headingPath: hit.headingPath,
    },
  };
}
