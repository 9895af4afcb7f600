import { filterConditions } from './search-filters.sql';
import { hitColumns } from './hit-row.mapper';
import { SqlParams } from './sql-params';
import type { ResolvedTables } from './search-tables.refs';
import type { SearchFilters } from './search-query.types';

export interface LexicalQuery {
  readonly tenantId: string;
  readonly workspaceIds: readonly string[];
  readonly terms: readonly string[];
  readonly limit: number;
  readonly filters?: SearchFilters;
  readonly k1: number;
  readonly b: number;
}

/**
 * One statement computing Okapi BM25 over the postings of the selected workspaces:
 * idf = ln(1 + (N - df + 0.5) / (df + 0.5)), with N, df and avgdl summed over those workspaces,
 * times qtf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)).
 */
export function lexicalSearchStatement(tables: ResolvedTables, query: LexicalQuery): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const tenant = p.add(query.tenantId);
  const terms = p.add(query.terms, 'text[]');
  const k1 = p.add(query.k1, 'float8');
  const b = p.add(query.b, 'float8');
  const filters = filterConditions(query.filters, p, 'f');
  // Without filters, only the top candidates ever touch the chunks heap. With filters, the
  // chunks are joined before ranking, so a narrow filter still yields `limit` results.
  const filtered = filters.length
    ? `JOIN ${tables.chunks} f ON f.chunk_key = p.chunk_key AND f.tenant_id = ${tenant} AND ${filters.join(' AND ')}`
    : '';
  const sql = `
    WITH ws AS MATERIALIZED (
      -- Workspaces of another tenant are dropped here, before any posting or statistic is read.
      SELECT array_agg(workspace_id) AS ids, sum(chunk_count)::float8 AS n,
             sum(total_length)::float8 / nullif(sum(chunk_count), 0) AS avgdl
      FROM ${tables.corpus_stats} WHERE tenant_id = ${tenant} AND workspace_id = ANY(${p.add(query.workspaceIds, 'text[]')})),
    q AS (SELECT term, count(*)::float8 AS qtf FROM unnest(${terms}) AS term GROUP BY term),
    weights AS (
      SELECT s.term, q.qtf * ln(1 + (ws.n - s.df + 0.5) / (s.df + 0.5)) AS w
      FROM (SELECT term, sum(df)::float8 AS df FROM ${tables.term_stats}
            WHERE workspace_id = ANY((SELECT ids FROM ws)::text[]) AND term = ANY(${terms}) GROUP BY term) s
      JOIN q USING (term) CROSS JOIN ws),
    scored AS (
      SELECT p.chunk_key, sum(w.w * p.tf * (${k1} + 1) / (p.tf + ${k1} * (1 - ${b} + ${b} * p.doc_len / ws.avgdl))) AS score
      FROM weights w CROSS JOIN ws
      JOIN ${tables.postings} p ON p.workspace_id = ANY(ws.ids) AND p.term = w.term
      ${filtered}
      GROUP BY p.chunk_key
      ORDER BY score DESC, p.chunk_key
      LIMIT ${p.add(query.limit, 'int')})
    SELECT ${hitColumns('c')}, s.score
    FROM scored s JOIN ${tables.chunks} c ON c.chunk_key = s.chunk_key AND c.tenant_id = ${tenant}
    ORDER BY s.score DESC, s.chunk_key`;
  return { sql, params: p.values };
}
