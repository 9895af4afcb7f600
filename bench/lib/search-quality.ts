import { evaluateRun, type RunScores } from './beir';
import type { ExactVectorSearch } from './exact-search';
import { runClosedLoop } from './load';
import { documentRanking, mean, recallAtK, scoreMismatches } from './ranking';
import { SEARCH_MODES, searchApi, type RankedChunk, type SearchMode } from './search-api';
import type { BenchDataset } from './search-dataset';
import type { SearchSession } from './search-session';

export interface QualityResult {
  readonly modes: Record<SearchMode, RunScores>;
  /** Exact cosine search over the same rows: the vector baseline. */
  readonly exact: RunScores;
  /** Share of the exact top 10 (top 100) chunks that the API's vector mode returned in its top 10 (top 100). */
  readonly hnswRecall10: number;
  readonly hnswRecall100: number;
  /** Chunks both vector rankings returned with different cosine similarities (0 when both used the same query vectors). */
  readonly vectorScoreMismatches: number;
  readonly errors: number;
}

const K = 100; // recall@100 needs 100 hits; nDCG@10 reads the first ten of the same ranking

/** Every test query through `POST /v1/search` in each mode, and through exact search; scored against the judgements. */
export async function measureQuality(s: SearchSession, exact: ExactVectorSearch, data: BenchDataset, externalIds: ReadonlyMap<string, readonly string[]>): Promise<QualityResult> {
  const hits = new Map<string, Map<string, RankedChunk[]>>();
  let errors = 0;
  const run = async (name: string, search: (text: string) => Promise<RankedChunk[]>) => {
    const byQuery = new Map<string, RankedChunk[]>();
    const phase = await runClosedLoop(`quality ${name} (k=${K})`, data.queries.length, 4, async (i) => {
      byQuery.set(data.queries[i].id, await search(data.queries[i].text));
    });
    errors += phase.errors;
    hits.set(name, byQuery);
  };
  for (const mode of SEARCH_MODES) await run(mode, async (text) => (await searchApi(s, text, mode, K)).hits);
  await run('exact', (text) => exact.search(text, K));

  const score = (name: string) => scoreRankings(hits.get(name)!, externalIds, data);
  const recall = (k: number) => mean(data.queries.map((q) => recallAtK(hits.get('vector')!.get(q.id) ?? [], hits.get('exact')!.get(q.id) ?? [], k)));
  return {
    modes: { hybrid: score('hybrid'), vector: score('vector'), lexical: score('lexical') },
    exact: score('exact'),
    hnswRecall10: recall(10),
    hnswRecall100: recall(100),
    vectorScoreMismatches: data.queries.reduce((n, q) => n + scoreMismatches(hits.get('vector')!.get(q.id) ?? [], hits.get('exact')!.get(q.id) ?? []), 0),
    errors,
  };
}

/** nDCG@10 and recall@100 of chunk rankings by query id, each document at its best chunk. */
export function scoreRankings(rankings: ReadonlyMap<string, readonly RankedChunk[]>, externalIds: ReadonlyMap<string, readonly string[]>, data: BenchDataset): RunScores {
  return evaluateRun(new Map([...rankings].map(([query, ranked]) => [query, documentRanking(ranked, externalIds)])), data.qrels);
}
