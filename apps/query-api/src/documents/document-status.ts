import type { DocumentStatus } from '@ragstream/contracts';
import type { z } from 'zod';

/**
 * Joins a document row (alias `d`) to its indexing status. Only a final state recorded for the
 * document's current revision counts: an older revision's "indexed" says nothing about this one.
 * Progress rows exist only while a revision is being embedded.
 */
export const STATUS_JOINS = `
  LEFT JOIN index_status s ON s.tenant_id = d.tenant_id AND s.document_id = d.document_id
    AND s.revision = d.revision AND s.state IN ('indexed', 'failed')
  LEFT JOIN search_progress p ON p.tenant_id = d.tenant_id AND p.document_id = d.document_id AND p.revision = d.revision`;

export const STATUS_COLUMNS = `s.state AS index_state, s.reason AS index_reason, s.retryable AS index_retryable,
  s.chunk_count AS index_chunk_count, p.done AS progress_done, p.total AS progress_total`;

/** The state the API reports, as an SQL expression over the joins (for filtering). */
export const STATUS_STATE = `(CASE WHEN s.state IS NOT NULL THEN s.state WHEN p.total IS NOT NULL THEN 'indexing' ELSE 'pending' END)`;

export interface StatusColumns {
  index_state: 'indexed' | 'failed' | null;
  index_reason: string | null;
  index_retryable: boolean | null;
  index_chunk_count: number | null;
  progress_done: number | null;
  progress_total: number | null;
}

/** The status of `revision` from the joined columns; mirrors STATUS_STATE. */
export function statusOf(row: StatusColumns, revision: number): z.infer<typeof DocumentStatus> {
  if (row.index_state) {
    return {
      state: row.index_state,
      revision,
      progress: null,
      chunkCount: row.index_chunk_count ?? 0,
      reason: row.index_reason,
      retryable: row.index_retryable ?? false,
    };
  }
  const progress = row.progress_total === null ? null : { done: row.progress_done ?? 0, total: row.progress_total };
  return { state: progress ? 'indexing' : 'pending', revision, progress, chunkCount: 0, reason: null, retryable: false };
}
