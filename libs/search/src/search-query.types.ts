import type { SearchTable } from './search.tables';

/** Anything that runs parameterised SQL: a pg Pool or client, a TypeORM DataSource, EntityManager or QueryRunner. */
export interface SqlQueryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Names to query per logical table: the views by default, physical tables in tests and benchmarks. */
export type SearchTableRefs = Partial<Record<SearchTable, string>>;

export type SearchMode = 'hybrid' | 'vector' | 'lexical';

/** Narrowing by document facts; every present field must hold. */
export interface SearchFilters {
  readonly tags?: { readonly all?: readonly string[]; readonly any?: readonly string[] };
  /** Equality on each key. */
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
  readonly documentIds?: readonly string[];
  readonly sourceTypes?: readonly string[];
  readonly formats?: readonly string[];
  /** Inclusive bounds on the document date, ISO 8601. */
  readonly from?: string;
  readonly to?: string;
}

export interface SearchRequest {
  readonly tenantId: string;
  /** Non-empty, already authorised by the caller; the query still drops any not of this tenant. */
  readonly workspaceIds: readonly string[];
  /** Analysed query terms; repeats weigh a term more. */
  readonly terms: readonly string[];
  readonly embedding: Float32Array;
  readonly k: number;
  readonly mode: SearchMode;
  readonly filters?: SearchFilters;
  /** How deep each ranker goes before fusion; default max(4k, 50). */
  readonly candidates?: number;
  /** Reciprocal rank fusion damping constant; default 60. */
  readonly rrfK?: number;
}

/** One ranker's view of a hit; rank is 1-based. */
export interface RankedScore {
  readonly score: number;
  readonly rank: number;
}

export interface SearchHit {
  readonly chunkKey: number;
  readonly workspaceId: string;
  readonly documentId: string;
  readonly documentVersion: number;
  readonly chunkIndex: number;
  readonly text: string;
  readonly tokenCount: number;
  readonly start: number;
  readonly end: number;
  readonly headingPath: string[];
  readonly page?: number;
  readonly pageEnd?: number;
  readonly startMs?: number;
  readonly endMs?: number;
  /** Fused RRF score in hybrid mode; the ranker's own score (BM25 or cosine similarity) otherwise. */
  readonly score: number;
  readonly lexical?: RankedScore;
  /** score is the cosine similarity (1 - cosine distance). */
  readonly vector?: RankedScore;
}

export interface SearchResult {
  readonly hits: SearchHit[];
}

/** A rank fusion such as @ragstream/rag's reciprocalRankFusion: lists of ids by 1-based rank in, fused order out. */
export type FuseFn = (
  lists: readonly (readonly { readonly id: string; readonly rank: number }[])[],
  options: { k?: number },
) => readonly { readonly id: string; readonly score: number }[];

/** Tuning that is not part of a user's request. */
export interface SearchOptions {
  /** BM25 term-frequency saturation and length normalisation; 0.9 / 0.4 as in @ragstream/rag. */
  readonly k1?: number;
  readonly b?: number;
  /** HNSW candidate list size (hnsw.ef_search); raised to the candidate depth when that is larger. */
  readonly efSearch?: number;
  /** Brute-force vector search without the HNSW index: the recall baseline. */
  readonly exact?: boolean;
  /** work_mem for the ranking statements (default 64MB), so aggregating postings never spills to disk. */
  readonly workMem?: string;
  /** Replaces the built-in reciprocal rank fusion. */
  readonly fuse?: FuseFn;
}
