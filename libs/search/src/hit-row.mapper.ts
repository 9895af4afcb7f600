import type { SearchHit } from './search-query.types';

/** The chunk columns a hit is built from, qualified by `alias`. */
export function hitColumns(alias: string): string {
  return ['chunk_key', 'workspace_id', 'document_id', 'document_version', 'chunk_index', 'text', 'token_count', 'start_offset', 'end_offset', 'heading_path', 'page', 'page_end', 'start_ms', 'end_ms']
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

/** A hit without ranker scores, from a row selected with `hitColumns`. */
export function hitFromRow(row: Record<string, any>): Omit<SearchHit, 'score' | 'lexical' | 'vector'> {
  return {
    chunkKey: Number(row.chunk_key),
    workspaceId: row.workspace_id,
    documentId: row.document_id,
    documentVersion: row.document_version,
    chunkIndex: row.chunk_index,
    text: row.text,
    tokenCount: row.token_count,
    start: row.start_offset,
    end: row.end_offset,
    headingPath: row.heading_path,
    ...optional('page', row.page),
    ...optional('pageEnd', row.page_end),
    ...optional('startMs', row.start_ms),
    ...optional('endMs', row.end_ms),
  };
}

function optional<K extends string>(key: K, value: number | null): { [P in K]?: number } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}
