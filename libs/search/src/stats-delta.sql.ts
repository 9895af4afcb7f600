import type { TableNames } from '@ragstream/projections';
import type { SearchTable } from './search.tables';

/**
 * CTEs subtracting removed rows from the statistics: `postings` yields (workspace_id, term) per
 * removed posting, `chunks` (workspace_id, doc_len) per removed chunk. Rows reaching zero are
 * deleted rather than kept at 0, so the statistics always equal a recount.
 */
export function subtractStatsSql(t: TableNames<SearchTable>, postings: string, chunks: string): string {
  return `
    term_loss AS (SELECT workspace_id, term, count(*)::int AS n FROM ${postings} GROUP BY workspace_id, term),
    term_dec AS (UPDATE ${t('term_stats')} s SET df = s.df - l.n FROM term_loss l
      WHERE s.workspace_id = l.workspace_id AND s.term = l.term AND s.df > l.n),
    term_gone AS (DELETE FROM ${t('term_stats')} s USING term_loss l
      WHERE s.workspace_id = l.workspace_id AND s.term = l.term AND s.df <= l.n),
    corpus_loss AS (SELECT workspace_id, count(*) AS n, coalesce(sum(doc_len), 0) AS len FROM ${chunks} GROUP BY workspace_id),
    corpus_dec AS (UPDATE ${t('corpus_stats')} s SET chunk_count = s.chunk_count - l.n, total_length = s.total_length - l.len
      FROM corpus_loss l WHERE s.workspace_id = l.workspace_id AND s.chunk_count > l.n),
    corpus_gone AS (DELETE FROM ${t('corpus_stats')} s USING corpus_loss l
      WHERE s.workspace_id = l.workspace_id AND s.chunk_count <= l.n)`;
}

/**
 * CTEs adding new rows to the statistics: `postings` yields (workspace_id, term), `chunks`
 * (tenant_id, workspace_id, doc_len). One upsert per table, grouped so no row is hit twice.
 */
export function addStatsSql(t: TableNames<SearchTable>, postings: string, chunks: string): string {
  return `
    term_add AS (INSERT INTO ${t('term_stats')} AS s (workspace_id, term, df)
      SELECT workspace_id, term, count(*) FROM ${postings} GROUP BY workspace_id, term
      ON CONFLICT (workspace_id, term) DO UPDATE SET df = s.df + excluded.df),
    corpus_add AS (INSERT INTO ${t('corpus_stats')} AS s (workspace_id, tenant_id, chunk_count, total_length)
      SELECT workspace_id, min(tenant_id), count(*), coalesce(sum(doc_len), 0) FROM ${chunks} GROUP BY workspace_id
      ON CONFLICT (workspace_id) DO UPDATE SET chunk_count = s.chunk_count + excluded.chunk_count,
        total_length = s.total_length + excluded.total_length)`;
}

/** One statement deleting the chunks `where` selects (alias c), their postings, and their share of the statistics. */
export function deleteChunksSql(t: TableNames<SearchTable>, where: string, using = ''): string {
  return `
    WITH gone_chunks AS (DELETE FROM ${t('chunks')} c ${using} WHERE ${where} RETURNING c.chunk_key, c.workspace_id, c.doc_len),
    gone_postings AS (DELETE FROM ${t('postings')} p USING gone_chunks g WHERE p.chunk_key = g.chunk_key
      RETURNING p.workspace_id, p.term),
    ${subtractStatsSql(t, 'gone_postings', 'gone_chunks')}
    SELECT count(*)::int AS removed FROM gone_chunks`;
}
