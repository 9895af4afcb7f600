import { filterConditions } from './search-filters.sql';
import { hitColumns } from './hit-row.mapper';
import { SqlParams, vectorLiteral } from './sql-params';
import type { ResolvedTables } from './search-tables.refs';
import type { SearchFilters } from './search-query.types';

export interface VectorQuery {
  readonly tenantId: string;
  readonly workspaceIds: readonly string[];
  readonly embedding: Float32Array;
  readonly limit: number;
  readonly filters?: SearchFilters;
}

/**
 * Nearest chunks by cosine distance, scoped and filtered in the same scan. The HNSW index serves
 * the inner ORDER BY; with iterative scans in relaxed order its output may be slightly out of
 * order, so the materialized result is sorted again (pgvector's recommended form).
 */
export function vectorSearchStatement(tables: ResolvedTables, query: VectorQuery): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const conditions = [
    `c.tenant_id = ${p.add(query.tenantId)}`,
    `c.workspace_id = ANY(${p.add(query.workspaceIds, 'text[]')})`,
    ...filterConditions(query.filters, p, 'c'),
  ];
  const sql = `
    WITH nearest AS MATERIALIZED (
      SELECT ${hitColumns('c')}, c.embedding <=> ${p.add(vectorLiteral(query.embedding), 'vector')} AS distance
      FROM ${tables.chunks} c
      WHERE ${conditions.join(' AND ')}
      ORDER BY distance
      LIMIT ${p.add(query.limit, 'int')})
    SELECT *, 1 - distance AS score FROM nearest ORDER BY distance, chunk_key`;
  return { sql, params: p.values };
}

/** Settings for one vector query, on top of `searchSettings`. */
export function vectorSettings(options: { efSearch: number; exact: boolean }): [string, string][] {
  const settings: [string, string][] = [
    ['hnsw.ef_search', String(options.efSearch)],
    // pgvector 0.8: keep walking the graph until enough rows pass the tenant, workspace and filter conditions.
    ['hnsw.iterative_scan', 'relaxed_order'],
  ];
  // Plain index scans are the only way to use HNSW; bitmap scans of the B-tree and GIN indexes stay allowed.
  if (options.exact) settings.push(['enable_indexscan', 'off']);
  return settings;
}
