import { filterConditions } from './search-filters.sql';
import { hitColumns } from './hit-row.mapper';
import { SqlParams } from './sql-params';
import type { ResolvedTables } from './search-tables.refs';
import type { SearchFilters } from './search-query.types';

// A primary-key probe costs about as much as scanning this many postings of one term (rough, from
// the 100k-chunk benchmark with a warm cache); it picks probing or scanning to complete candidates.
const PROBE_COST = 30;

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
 * One statement ranking chunks by Okapi BM25 over the selected workspaces:
 * idf = ln(1 + (N - df + 0.5) / (df + 0.5)) with N, df and avgdl summed over those workspaces, and
 * each query term adds qtf * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)).
 *
 * Exact top-k with MaxScore-style pruning: a term adds at most qtf * idf * (k1 + 1), so the
 * frequent terms whose bounds sum below the rarest term's weight are "non-essential". Only the
 * essential terms' postings are scanned; their candidates get the other terms' contributions by
 * primary-key probes, or by one scan of those terms' postings when that is cheaper. The k-th best full score among the leading candidates bounds the answer from
 * below, so candidates that cannot reach it even with every other term at its maximum are never
 * completed. When that bound does not exceed what the non-essential terms alone could reach, the
 * other terms' postings are scanned as well (one branch runs, never both).
 */
export function lexicalSearchStatement(tables: ResolvedTables, query: LexicalQuery): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const tenant = p.add(query.tenantId);
  const terms = p.add(query.terms, 'text[]');
  const k1 = p.add(query.k1, 'float8');
  const b = p.add(query.b, 'float8');
  const limit = p.add(query.limit, 'int');
  const workspaces = p.add(query.workspaceIds, 'text[]');
  // A chunk lives in one workspace; knowing it lets the probes bind the whole primary key. With
  // one workspace it is a constant, which spares hashing it for every posting.
  const workspaceOf = query.workspaceIds.length === 1 ? `(${workspaces})[1]` : 'p.workspace_id';
  const filters = filterConditions(query.filters, p, 'f');
  // Without filters only the top chunks touch the chunks heap; with filters the chunks are joined
  // before ranking, so a narrow filter still yields `limit` results.
  const filtered = filters.length ? `JOIN ${tables.chunks} f ON f.chunk_key = p.chunk_key AND f.tenant_id = ${tenant} AND ${filters.join(' AND ')}` : '';
  const score = `w.w * p.tf * (${k1} + 1) / (p.tf + ${k1} * (1 - ${b} + ${b} * p.doc_len / ws.avgdl))`;
  const postingsOf = `weights w CROSS JOIN ws JOIN ${tables.postings} p ON p.workspace_id = ANY(ws.ids) AND p.term = w.term`;
  // Adds the non-essential terms to essential-only scores: one primary-key probe per (chunk, term).
  const completed = (from: string, where = '') => `
      SELECT e.chunk_key, e.score + coalesce(sum(${score}), 0) AS score
      FROM ${from} e CROSS JOIN ws LEFT JOIN weights w ON NOT w.essential
      LEFT JOIN ${tables.postings} p ON p.workspace_id = e.workspace_id AND p.term = w.term AND p.chunk_key = e.chunk_key
      ${where} GROUP BY e.chunk_key, e.score`;
  const sql = `
    WITH ws AS MATERIALIZED (
      -- Workspaces of another tenant are dropped here, before any posting or statistic is read.
      SELECT array_agg(workspace_id) AS ids, sum(chunk_count)::float8 AS n,
             sum(total_length)::float8 / nullif(sum(chunk_count), 0) AS avgdl
      FROM ${tables.corpus_stats} WHERE tenant_id = ${tenant} AND workspace_id = ANY(${workspaces})),
    q AS (SELECT term, count(*)::float8 AS qtf FROM unnest(${terms}) AS term GROUP BY term),
    idf AS (
      SELECT s.term, s.df, q.qtf * ln(1 + (ws.n - s.df + 0.5) / (s.df + 0.5)) AS w
      FROM (SELECT term, sum(df)::float8 AS df FROM ${tables.term_stats}
            WHERE workspace_id = ANY((SELECT ids FROM ws)::text[]) AND term = ANY(${terms}) GROUP BY term) s
      JOIN q USING (term) CROSS JOIN ws),
    weights AS MATERIALIZED (
      SELECT term, df, w, (${k1} + 1) * sum(w) OVER (ORDER BY w, term) >= max(w) OVER () AS essential FROM idf),
    essential_scores AS MATERIALIZED (
      SELECT p.chunk_key, ${workspaceOf} AS workspace_id, sum(${score}) AS score FROM ${postingsOf} ${filtered}
      WHERE w.essential GROUP BY p.chunk_key${query.workspaceIds.length === 1 ? '' : ', p.workspace_id'}),
    -- Full scores of the most promising candidates give a lower bound on the k-th best score.
    leaders AS MATERIALIZED (SELECT * FROM essential_scores ORDER BY score DESC, chunk_key LIMIT 4 * ${limit}),
    leader_scores AS MATERIALIZED (${completed('leaders')}),
    bound AS MATERIALIZED (
      SELECT coalesce((SELECT score FROM leader_scores ORDER BY score DESC LIMIT 1 OFFSET ${limit} - 1), 0) AS theta,
             (${k1} + 1) * coalesce(sum(w) FILTER (WHERE NOT essential), 0) AS rest,
             count(*) FILTER (WHERE NOT essential) AS rest_terms, coalesce(sum(df) FILTER (WHERE NOT essential), 0) AS rest_postings
      FROM weights),
    -- Only chunks that could still reach theta with every non-essential term at its maximum.
    pool AS MATERIALIZED (
      SELECT e.* FROM essential_scores e CROSS JOIN bound
      WHERE bound.theta > bound.rest AND e.score >= bound.theta - bound.rest),
    -- Probing costs about as much as scanning ${PROBE_COST} postings; the cheaper way completes the pool.
    route AS MATERIALIZED (
      SELECT theta > rest AS pruning, (SELECT count(*) FROM pool) * rest_terms * ${PROBE_COST} < rest_postings AS probing FROM bound),
    probed AS (${completed('pool', 'WHERE (SELECT pruning AND probing FROM route)')}),
    scanned AS (
      SELECT e.chunk_key, e.score + coalesce(sum(x.score), 0) AS score
      FROM pool e LEFT JOIN (
        SELECT p.chunk_key, ${score} AS score FROM ${postingsOf}
        WHERE NOT w.essential AND (SELECT pruning AND NOT probing FROM route) OFFSET 0) x ON x.chunk_key = e.chunk_key
      WHERE (SELECT pruning AND NOT probing FROM route)
      GROUP BY e.chunk_key, e.score),
    -- Otherwise the essential scores are completed by scanning the other terms' postings too.
    exhaustive AS (
      SELECT chunk_key, sum(score) AS score FROM (
        SELECT chunk_key, score FROM essential_scores WHERE NOT (SELECT pruning FROM route)
        UNION ALL
        SELECT p.chunk_key, ${score} FROM ${postingsOf} ${filtered}
        WHERE NOT w.essential AND NOT (SELECT pruning FROM route)) parts
      GROUP BY chunk_key),
    scored AS (
      SELECT chunk_key, score FROM probed UNION ALL SELECT chunk_key, score FROM scanned
      UNION ALL SELECT chunk_key, score FROM exhaustive
      ORDER BY score DESC, chunk_key LIMIT ${limit})
    SELECT ${hitColumns('c')}, s.score
    FROM scored s JOIN ${tables.chunks} c ON c.chunk_key = s.chunk_key AND c.tenant_id = ${tenant}
    ORDER BY s.score DESC, s.chunk_key`;
  return { sql, params: p.values };
}
