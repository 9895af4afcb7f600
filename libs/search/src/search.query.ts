import { invalid } from '@ragstream/domain';
import { hitFromRow } from './hit-row.mapper';
import { lexicalSearchStatement } from './lexical-query.sql';
import { reciprocalRankFusion } from './rrf.fusion';
import { allowsConcurrency, inReadTransaction } from './search-session';
import { resolveTables, type ResolvedTables } from './search-tables.refs';
import { rowsOf } from './sql-params';
import { localSettingsStatement, searchSettings } from './local-settings.sql';
import { vectorSearchStatement, vectorSettings } from './vector-query.sql';
import type { SearchHit, SearchOptions, SearchRequest, SearchResult, SearchTableRefs, SqlQueryable } from './search-query.types';

const DEFAULT_K1 = 0.9;
const DEFAULT_B = 0.4;
const DEFAULT_EF_SEARCH = 100;
const MAX_EF_SEARCH = 1000; // pgvector's upper bound for hnsw.ef_search
const DEFAULT_WORK_MEM = '64MB';

type Ranked = { hit: ReturnType<typeof hitFromRow>; score: number; rank: number };

/** Top-k chunks of the tenant's selected workspaces by BM25, by vector similarity, or both fused with RRF. */
export async function searchChunks(db: SqlQueryable, tables: SearchTableRefs | undefined, request: SearchRequest, options: SearchOptions = {}): Promise<SearchResult> {
  validate(request);
  const names = resolveTables(tables);
  const hybrid = request.mode === 'hybrid';
  const depth = hybrid ? (request.candidates ?? Math.max(request.k * 4, 50)) : request.k;
  const lexical = () => (request.mode === 'vector' ? Promise.resolve([]) : lexicalRanking(db, names, request, depth, options));
  const vector = () => (request.mode === 'lexical' ? Promise.resolve([]) : vectorRanking(db, names, request, depth, options));
  const [lex, vec] = allowsConcurrency(db) ? await Promise.all([lexical(), vector()]) : [await lexical(), await vector()];
  if (!hybrid) {
    const only = request.mode === 'lexical' ? lex : vec;
    return { hits: only.slice(0, request.k).map((r) => ({ ...r.hit, score: r.score, [request.mode]: { score: r.score, rank: r.rank } })) };
  }
  return { hits: fuse(lex, vec, request, options) };
}

function fuse(lex: Ranked[], vec: Ranked[], request: SearchRequest, options: SearchOptions): SearchHit[] {
  const byId = (list: Ranked[]) => new Map(list.map((r) => [String(r.hit.chunkKey), r]));
  const [lexById, vecById] = [byId(lex), byId(vec)];
  const toIds = (list: Ranked[]) => list.map((r) => ({ id: String(r.hit.chunkKey), rank: r.rank }));
  const fused = (options.fuse ?? reciprocalRankFusion)([toIds(lex), toIds(vec)], { k: request.rrfK ?? 60 });
  return fused.slice(0, request.k).map(({ id, score }) => {
    const [l, v] = [lexById.get(id), vecById.get(id)];
    return {
      ...(l ?? v)!.hit,
      score,
      ...(l && { lexical: { score: l.score, rank: l.rank } }),
      ...(v && { vector: { score: v.score, rank: v.rank } }),
    };
  });
}

async function lexicalRanking(db: SqlQueryable, tables: ResolvedTables, request: SearchRequest, limit: number, options: SearchOptions): Promise<Ranked[]> {
  if (request.terms.length === 0) return [];
  const statement = lexicalSearchStatement(tables, { ...request, limit, k1: options.k1 ?? DEFAULT_K1, b: options.b ?? DEFAULT_B });
  return runWithSettings(db, searchSettings(options.workMem ?? DEFAULT_WORK_MEM), statement);
}

async function vectorRanking(db: SqlQueryable, tables: ResolvedTables, request: SearchRequest, limit: number, options: SearchOptions): Promise<Ranked[]> {
  const efSearch = Math.min(MAX_EF_SEARCH, Math.max(options.efSearch ?? DEFAULT_EF_SEARCH, limit));
  const settings = [...searchSettings(options.workMem ?? DEFAULT_WORK_MEM), ...vectorSettings({ efSearch, exact: options.exact ?? false })];
  return runWithSettings(db, settings, vectorSearchStatement(tables, { ...request, limit }));
}

function runWithSettings(db: SqlQueryable, settings: [string, string][], statement: { sql: string; params: unknown[] }): Promise<Ranked[]> {
  const set = localSettingsStatement(settings);
  return inReadTransaction(db, async (tx) => {
    await tx.query(set.sql, set.params);
    return ranked(rowsOf(await tx.query(statement.sql, statement.params)));
  });
}

function ranked(rows: Record<string, any>[]): Ranked[] {
  return rows.map((row, i) => ({ hit: hitFromRow(row), score: Number(row.score), rank: i + 1 }));
}

function validate(request: SearchRequest): void {
  if (!Number.isInteger(request.k) || request.k < 1 || request.k > 100) throw invalid('SEARCH.INVALID_REQUEST', `k must be an integer in 1..100, got ${request.k}`);
  if (request.workspaceIds.length === 0) throw invalid('SEARCH.INVALID_REQUEST', 'at least one workspace must be searched');
  if (request.candidates !== undefined && (!Number.isInteger(request.candidates) || request.candidates < request.k || request.candidates > 1000)) {
    throw invalid('SEARCH.INVALID_REQUEST', `candidates must be an integer in k..1000, got ${request.candidates}`);
  }
  if (request.rrfK !== undefined && !(request.rrfK >= 0 && Number.isFinite(request.rrfK))) throw invalid('SEARCH.INVALID_REQUEST', `rrfK must be a non-negative number, got ${request.rrfK}`);
  if (!['hybrid', 'vector', 'lexical'].includes(request.mode)) throw invalid('SEARCH.INVALID_REQUEST', `unknown search mode ${JSON.stringify(request.mode)}`);
}
