import type { SqlExecutor, TableNames } from '@ragstream/projections';
import { insertChunksStatement, postingCount } from './chunk-insert.sql';
import { SqlParams, rowsOf } from './sql-params';
import { addStatsSql, deleteChunksSql, subtractStatsSql } from './stats-delta.sql';
import type { ChunkToIndex, DocumentFilterFields, WriteContext } from './search-index.types';
import type { SearchTable } from './search.tables';

type T = TableNames<SearchTable>;

// Bounds the parameter arrays of one statement; a long document becomes a few statements, not one per chunk.
const MAX_BATCH_CHUNKS = 500;
const MAX_BATCH_POSTINGS = 50_000;

/** Adds chunks to the index; chunks already indexed for the same document (another version, or the same chunk index) are replaced. */
export async function indexChunks(sql: SqlExecutor, t: T, chunks: readonly ChunkToIndex[], context: WriteContext = {}): Promise<void> {
  for (const batch of batches(chunks)) {
    await removeReplaced(sql, t, batch);
    const insert = insertChunksStatement(t, batch, context.position ?? 0);
    await sql.query(insert.sql, insert.params);
  }
}

/** Deletes a document's chunks and postings and subtracts them from the statistics; returns how many chunks went (0 is a no-op). */
export async function removeDocument(sql: SqlExecutor, t: T, doc: { tenantId: string; documentId: string }): Promise<number> {
  const rows = await sql.query(deleteChunksSql(t, 'c.tenant_id = $1 AND c.document_id = $2'), [doc.tenantId, doc.documentId]);
  return rowsOf(rows)[0].removed;
}

/** Replaces everything indexed for a document by `chunks` (a revision); call it inside one transaction. */
export async function replaceDocument(sql: SqlExecutor, t: T, doc: { tenantId: string; documentId: string }, chunks: readonly ChunkToIndex[], context: WriteContext = {}): Promise<void> {
  await removeDocument(sql, t, doc);
  await indexChunks(sql, t, chunks, context);
}

/** Replaces a document's tags and/or metadata on all its chunks; absent fields stay as they are. */
export async function updateDocumentFilters(
  sql: SqlExecutor,
  t: T,
  update: { tenantId: string; documentId: string; tags?: DocumentFilterFields['tags']; metadata?: DocumentFilterFields['metadata'] } & WriteContext,
): Promise<number> {
  if (update.tags === undefined && update.metadata === undefined) return 0;
  const p = new SqlParams();
  const sets = [`position = coalesce(${p.add(update.position ?? null, 'bigint')}, position)`];
  if (update.tags !== undefined) sets.push(`tags = ${p.add(update.tags, 'text[]')}`);
  if (update.metadata !== undefined) sets.push(`metadata = ${p.add(JSON.stringify(update.metadata), 'jsonb')}`);
  const where = `tenant_id = ${p.add(update.tenantId)} AND document_id = ${p.add(update.documentId)}`;
  const rows = await sql.query(`WITH changed AS (UPDATE ${t('chunks')} SET ${sets.join(', ')} WHERE ${where} RETURNING 1) SELECT count(*)::int AS n FROM changed`, p.values);
  return rowsOf(rows)[0].n;
}

/** Moves a document's chunks and postings to another workspace of the same tenant, moving their statistics along. */
export async function moveDocument(sql: SqlExecutor, t: T, move: { tenantId: string; documentId: string; toWorkspaceId: string } & WriteContext): Promise<number> {
  // A self-join hands RETURNING the workspace a chunk leaves; the subtracted and added statistics
  // rows differ (the target is excluded), so one statement may touch both.
  const rows = await sql.query(
    `WITH moved_chunks AS (
       UPDATE ${t('chunks')} c SET workspace_id = $3, position = coalesce($4::bigint, c.position) FROM ${t('chunks')} old
       WHERE old.chunk_key = c.chunk_key AND c.tenant_id = $1 AND c.document_id = $2 AND c.workspace_id <> $3
       RETURNING c.chunk_key, c.tenant_id, old.workspace_id AS from_workspace, c.doc_len),
     moved_postings AS (UPDATE ${t('postings')} p SET workspace_id = $3 FROM moved_chunks m WHERE p.chunk_key = m.chunk_key
       RETURNING m.from_workspace, p.term),
     left_postings AS (SELECT from_workspace AS workspace_id, term FROM moved_postings),
     left_chunks AS (SELECT from_workspace AS workspace_id, doc_len FROM moved_chunks),
     arrived_postings AS (SELECT $3::text AS workspace_id, term FROM moved_postings),
     arrived_chunks AS (SELECT tenant_id, $3::text AS workspace_id, doc_len FROM moved_chunks),
     ${subtractStatsSql(t, 'left_postings', 'left_chunks')},
     ${addStatsSql(t, 'arrived_postings', 'arrived_chunks')}
     SELECT count(*)::int AS moved FROM moved_chunks`,
    [move.tenantId, move.documentId, move.toWorkspaceId, move.position ?? null],
  );
  return rowsOf(rows)[0].moved;
}

/** Deletes what the batch supersedes: other versions of its documents and the very chunks it re-delivers. */
async function removeReplaced(sql: SqlExecutor, t: T, batch: readonly ChunkToIndex[]): Promise<void> {
  const p = new SqlParams();
  const incoming = `SELECT tenant_id, document_id, min(document_version) AS version, array_agg(chunk_index) AS indexes
    FROM unnest(${p.add(batch.map((c) => c.tenantId), 'text[]')}, ${p.add(batch.map((c) => c.documentId), 'text[]')},
      ${p.add(batch.map((c) => c.documentVersion), 'int[]')}, ${p.add(batch.map((c) => c.chunkIndex), 'int[]')})
      AS i(tenant_id, document_id, document_version, chunk_index)
    GROUP BY tenant_id, document_id`;
  const where = `c.tenant_id = d.tenant_id AND c.document_id = d.document_id AND (c.document_version <> d.version OR c.chunk_index = ANY(d.indexes))`;
  await sql.query(deleteChunksSql(t, where, `USING (${incoming}) d`), p.values);
}

function* batches(chunks: readonly ChunkToIndex[]): Generator<ChunkToIndex[]> {
  assertOneVersionPerDocument(chunks);
  let batch: ChunkToIndex[] = [];
  let postings = 0;
  for (const chunk of chunks) {
    if (batch.length && (batch.length >= MAX_BATCH_CHUNKS || postings + postingCount(chunk) > MAX_BATCH_POSTINGS)) {
      yield batch;
      batch = [];
      postings = 0;
    }
    batch.push(chunk);
    postings += postingCount(chunk);
  }
  if (batch.length) yield batch;
}

// Two versions of one document in one call would make each delete the other's chunks.
function assertOneVersionPerDocument(chunks: readonly ChunkToIndex[]): void {
  const versions = new Map<string, number>();
  for (const c of chunks) {
    const key = `${c.tenantId}\u0000${c.documentId}`;
    const seen = versions.get(key);
    if (seen !== undefined && seen !== c.documentVersion) throw new Error(`document ${c.documentId} appears in versions ${seen} and ${c.documentVersion} in one indexChunks call`);
    versions.set(key, c.documentVersion);
  }
}
