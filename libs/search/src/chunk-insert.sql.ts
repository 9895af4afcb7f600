import type { TableNames } from '@ragstream/projections';
import { SqlParams, vectorLiteral } from './sql-params';
import { addStatsSql } from './stats-delta.sql';
import type { ChunkToIndex } from './search-index.types';
import type { SearchTable } from './search.tables';

// A B-tree entry cannot exceed ~2.7 kB; longer "terms" are analyser noise, so they are not indexed.
const MAX_TERM_BYTES = 256;

/** Column name, array type of its unnest parameter, and how to read it from a chunk. */
const COLUMNS: [string, string, (c: ChunkToIndex) => unknown][] = [
  ['tenant_id', 'text', (c) => c.tenantId],
  ['workspace_id', 'text', (c) => c.workspaceId],
  ['document_id', 'text', (c) => c.documentId],
  ['document_version', 'int', (c) => c.documentVersion],
  ['chunk_index', 'int', (c) => c.chunkIndex],
  ['text', 'text', (c) => c.text],
  ['token_count', 'int', (c) => c.tokenCount],
  ['start_offset', 'int', (c) => c.start],
  ['end_offset', 'int', (c) => c.end],
  ['page', 'int', (c) => c.page ?? null],
  ['page_end', 'int', (c) => c.pageEnd ?? null],
  ['start_ms', 'int', (c) => c.startMs ?? null],
  ['end_ms', 'int', (c) => c.endMs ?? null],
  ['doc_len', 'int', (c) => c.length],
  ['source_type', 'text', (c) => c.sourceType],
  ['format', 'text', (c) => c.format],
  ['document_date', 'timestamptz', (c) => new Date(c.documentDate).toISOString()],
  // Arrays of arrays must be rectangular in Postgres, so nested values travel as JSON text.
  ['heading_path', 'text', (c) => JSON.stringify(c.headingPath)],
  ['tags', 'text', (c) => JSON.stringify(c.tags)],
  ['metadata', 'text', (c) => JSON.stringify(c.metadata)],
  ['embedding', 'text', (c) => vectorLiteral(c.embedding)],
];

const CONVERT: Record<string, string> = {
  heading_path: 'ARRAY(SELECT jsonb_array_elements_text(i.heading_path::jsonb))',
  tags: 'ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb))',
  metadata: 'i.metadata::jsonb',
  embedding: 'i.embedding::vector',
};

/** One statement inserting a batch of chunks, their postings and their statistics, all from unnest()ed arrays. */
export function insertChunksStatement(t: TableNames<SearchTable>, chunks: readonly ChunkToIndex[], position: number): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const arrays = COLUMNS.map(([, type, read]) => params.add(chunks.map(read), `${type}[]`)).join(', ');
  const names = COLUMNS.map(([name]) => name);
  const ord: number[] = [];
  const terms: string[] = [];
  const tfs: number[] = [];
  chunks.forEach((chunk, i) => {
    for (const [term, tf] of chunk.terms) {
      if (tf <= 0 || Buffer.byteLength(term) > MAX_TERM_BYTES) continue;
      ord.push(i + 1);
      terms.push(term);
      tfs.push(tf);
    }
  });
  const sql = `
    WITH input AS (SELECT * FROM unnest(${arrays}) WITH ORDINALITY AS i(${names.join(', ')}, ord)),
    inserted AS (
      INSERT INTO ${t('chunks')} (${names.join(', ')}, position)
      SELECT ${names.map((n) => CONVERT[n] ?? `i.${n}`).join(', ')}, ${params.add(position, 'bigint')} FROM input i
      RETURNING chunk_key, tenant_id, workspace_id, document_id, chunk_index, doc_len),
    keyed AS (SELECT i.ord, n.chunk_key, n.workspace_id, n.doc_len FROM input i
      JOIN inserted n ON n.tenant_id = i.tenant_id AND n.document_id = i.document_id AND n.chunk_index = i.chunk_index),
    new_postings AS (
      INSERT INTO ${t('postings')} (workspace_id, term, chunk_key, tf, doc_len)
      SELECT k.workspace_id, p.term, k.chunk_key, p.tf, k.doc_len
      FROM unnest(${params.add(ord, 'int[]')}, ${params.add(terms, 'text[]')}, ${params.add(tfs, 'int[]')}) AS p(ord, term, tf)
      JOIN keyed k ON k.ord = p.ord
      RETURNING workspace_id, term),
    ${addStatsSql(t, 'new_postings', 'inserted')}
    SELECT count(*)::int AS inserted FROM inserted`;
  return { sql, params: params.values };
}

/** Counts the postings a chunk will produce, to size batches. */
export function postingCount(chunk: ChunkToIndex): number {
  return chunk.terms.size;
}
