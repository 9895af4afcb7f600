import { lexicalSearchStatement } from './lexical-query.sql';
import { filterConditions } from './search-filters.sql';
import { resolveTables } from './search-tables.refs';
import { SqlParams } from './sql-params';
import { localSettingsStatement, searchSettings } from './local-settings.sql';
import { vectorSearchStatement, vectorSettings } from './vector-query.sql';

const tables = resolveTables();
const base = { tenantId: "t'1", workspaceIds: ['w1'], limit: 5 };

describe('search SQL builders', () => {
  it('puts every filter value in a parameter, never in the text', () => {
    const params = new SqlParams();
    const sql = filterConditions(
      { tags: { all: ["a'"], any: ['b'] }, metadata: { 'x.y': 1 }, documentIds: ['d;'], sourceTypes: ['url'], formats: ['f'], from: '2024-01-01', to: '2024-02-01T10:00:00+02:00' },
      params,
      'c',
    );
    expect(sql).toEqual([
      'c.tags @> $1::text[]', 'c.tags && $2::text[]', 'c.metadata @> $3::jsonb', 'c.document_id = ANY($4::text[])',
      'c.source_type = ANY($5::text[])', 'c.format = ANY($6::text[])', 'c.document_date >= $7::timestamptz', 'c.document_date <= $8::timestamptz',
    ]);
    expect(params.values).toEqual([["a'"], ['b'], '{"x.y":1}', ['d;'], ['url'], ['f'], '2024-01-01T00:00:00.000Z', '2024-02-01T08:00:00.000Z']);
  });

  it('adds no condition for absent or empty filters, but an empty "any" list matches nothing', () => {
    expect(filterConditions(undefined, new SqlParams(), 'c')).toEqual([]);
    expect(filterConditions({ tags: { all: [] }, metadata: {} }, new SqlParams(), 'c')).toEqual([]);
    expect(filterConditions({ tags: { any: [] } }, new SqlParams(), 'c')).toEqual(['c.tags && $1::text[]']);
  });

  it.each([{ 'a b': 1 }, { '': 1 }, { ['k'.repeat(65)]: 1 }, { k: null }, { k: [1] }, { k: Number.NaN }])('refuses metadata filter %j', (metadata) => {
    expect(() => filterConditions({ metadata: metadata as never }, new SqlParams(), 'c')).toThrow(expect.objectContaining({ code: 'SEARCH.INVALID_FILTER' }));
  });

  it('joins the chunks into lexical ranking only when a filter is present', () => {
    const plain = lexicalSearchStatement(tables, { ...base, terms: ['x'], k1: 0.9, b: 0.4 });
    const filtered = lexicalSearchStatement(tables, { ...base, terms: ['x'], k1: 0.9, b: 0.4, filters: { formats: ['pdf'] } });
    expect(plain.sql).not.toContain('JOIN chunks f');
    expect(filtered.sql).toContain('JOIN chunks f ON f.chunk_key = p.chunk_key AND f.tenant_id = $1 AND f.format = ANY($7::text[])');
    expect(plain.sql).not.toContain("t'1");
  });

  it('scopes the vector scan by tenant and workspaces and sends the vector as a parameter', () => {
    const { sql, params } = vectorSearchStatement(tables, { ...base, embedding: Float32Array.of(0.5, -0.25) });
    expect(sql).toContain('WHERE c.tenant_id = $1 AND c.workspace_id = ANY($2::text[])');
    expect(params).toEqual(["t'1", ['w1'], '[0.5,-0.25]', 5]);
  });

  it('sets ef_search and iterative scan locally, and turns index scans off only in exact mode', () => {
    expect(vectorSettings({ efSearch: 120, exact: false })).toEqual([['hnsw.ef_search', '120'], ['hnsw.iterative_scan', 'relaxed_order']]);
    expect(vectorSettings({ efSearch: 120, exact: true })).toContainEqual(['enable_indexscan', 'off']);
    const statement = localSettingsStatement([...searchSettings('64MB'), ['hnsw.ef_search', '120']]);
    expect(statement.sql).toBe('SELECT set_config($1, $2, true), set_config($3, $4, true), set_config($5, $6, true)');
    expect(statement.params).toEqual(['work_mem', '64MB', 'jit', 'off', 'hnsw.ef_search', '120']);
  });

  it('accepts only plain table names', () => {
    expect(resolveTables({ chunks: 'search_v2_chunks' }).chunks).toBe('search_v2_chunks');
    expect(() => resolveTables({ chunks: 'chunks; DROP TABLE x' })).toThrow(/plain identifier/);
  });
});
