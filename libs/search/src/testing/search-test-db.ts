import type { SqlExecutor, TableNames } from '@ragstream/projections';
import { createTestDatabase, type TestDatabase } from '@ragstream/testing';
import { createSearchTables, searchTables, type SearchTable } from '../search.tables';
import type { SearchTableRefs } from '../search-query.types';

export interface SearchTestDb {
  readonly db: TestDatabase;
  readonly sql: SqlExecutor;
  readonly t: TableNames<SearchTable>;
  /** Physical table names, for queries that bypass the views. */
  readonly tables: SearchTableRefs;
  dispose(): Promise<void>;
}

/** A private migrated schema with pgvector and version-1 search tables of `dimensions`. */
export async function createSearchTestDb(dimensions: number): Promise<SearchTestDb> {
  const db = await createTestDatabase();
  // The extension is per database; the lock keeps suites starting together from both creating it.
  await db.dataSource.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('ragstream.create-extension-vector'))`);
    await m.query('CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public');
  });
  const t: TableNames<SearchTable> = (table) => `search_v1_${table}`;
  const sql: SqlExecutor = { query: (text, params) => db.dataSource.query(text, params as unknown[]) };
  await createSearchTables(sql, t, { dimensions });
  const tables = Object.fromEntries(searchTables.map((table) => [table, t(table)])) as SearchTableRefs;
  return { db, sql, t, tables, dispose: () => db.dispose() };
}

/** term_stats and corpus_stats as stored and as recounted from postings and chunks; equal when the writer is exact. */
export async function statsAndRecount(sql: SqlExecutor, t: TableNames<SearchTable>) {
  const q = (text: string) => sql.query(text);
  const [terms, termRecount, corpus, corpusRecount, orphans] = await Promise.all([
    q(`SELECT workspace_id, term, df FROM ${t('term_stats')} ORDER BY 1, 2`),
    q(`SELECT workspace_id, term, count(*)::int AS df FROM ${t('postings')} GROUP BY 1, 2 ORDER BY 1, 2`),
    q(`SELECT workspace_id, tenant_id, chunk_count::int, total_length::int FROM ${t('corpus_stats')} ORDER BY 1`),
    q(`SELECT workspace_id, tenant_id, count(*)::int AS chunk_count, sum(doc_len)::int AS total_length FROM ${t('chunks')} GROUP BY 1, 2 ORDER BY 1`),
    // A posting must belong to a live chunk of the same workspace and repeat its length.
    q(`SELECT count(*)::int AS n FROM ${t('postings')} p LEFT JOIN ${t('chunks')} c
       ON c.chunk_key = p.chunk_key AND c.workspace_id = p.workspace_id AND c.doc_len = p.doc_len WHERE c.chunk_key IS NULL`),
  ]);
  return { stored: { terms, corpus }, recount: { terms: termRecount, corpus: corpusRecount }, orphanPostings: orphans[0].n as number };
}
