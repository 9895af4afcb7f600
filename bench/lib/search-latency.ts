import { performance } from 'node:perf_hooks';
import type { BeirQuery } from './beir';
import type { ExactVectorSearch } from './exact-search';
import { runClosedLoop } from './load';
import { mean, recallAtK } from './ranking';
import { SEARCH_MODES, searchApi, type RankedChunk, type SearchMode } from './search-api';
import type { SearchSession } from './search-session';
import { percentile } from './stats';

export type Contender = SearchMode | 'exact';
const CONTENDERS: readonly Contender[] = [...SEARCH_MODES, 'exact'];

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface LatencyResult {
  /** Client-side milliseconds per contender, at each concurrency measured. */
  readonly latency: Record<number, Record<Contender, Percentiles>>;
  /** The API's own `tookMs` at concurrency 1 (no HTTP, authentication or JSON). */
  readonly serverMs: Record<SearchMode, Percentiles>;
  /** Share of the exact top 10 the API's vector mode returned with k = 10. */
  readonly hnswRecall10: number;
  /** Each contender's hits by query id, from the one-client round: rankings as a default (k = 10) client gets them. */
  readonly rankings: Record<Contender, Map<string, RankedChunk[]>>;
  readonly errors: number;
}

export const K = 10; // the API's default: what an interactive client asks for
export const CONCURRENCIES = [1, 4];

const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

/**
 * Search latency per mode beside exact search, measured the same way (client side, one query
 * after another, then 4 at once). The contenders take turns query by query, so the machine's
 * drift spreads over all of them rather than landing on whichever ran last.
 */
export async function measureLatency(s: SearchSession, exact: ExactVectorSearch, queries: readonly BeirQuery[], label: string): Promise<LatencyResult> {
  const latency: Record<number, Record<Contender, Percentiles>> = {};
  const server: Record<SearchMode, number[]> = { hybrid: [], vector: [], lexical: [] };
  const rankings = Object.fromEntries(CONTENDERS.map((who) => [who, new Map<string, RankedChunk[]>()])) as Record<Contender, Map<string, RankedChunk[]>>;
  let errors = 0;
  const round = async (name: string, total: number, concurrency: number, record: boolean) => {
    const ms: Record<Contender, number[]> = { hybrid: [], vector: [], lexical: [], exact: [] };
    const phase = await runClosedLoop(name, total * CONTENDERS.length, concurrency, async (i) => {
      const [q, who] = [Math.floor(i / CONTENDERS.length), CONTENDERS[i % CONTENDERS.length]];
      const { id, text } = queries[q % queries.length];
      const keep = record && concurrency === 1;
      const t0 = performance.now();
      if (who === 'exact') {
        const hits = await exact.search(text, K);
        ms.exact.push(performance.now() - t0);
        if (keep) rankings.exact.set(id, hits);
      } else {
        const answer = await searchApi(s, text, who, K);
        ms[who].push(performance.now() - t0);
        if (keep) server[who].push(answer.tookMs);
        if (keep) rankings[who].set(id, answer.hits);
      }
    });
    if (record) errors += phase.errors;
    return ms;
  };
  await round(`${label} warm-up`, Math.min(20, queries.length), 1, false);
  for (const c of CONCURRENCIES) {
    const ms = await round(`${label} latency, ${c} client${c > 1 ? 's' : ''} (k=${K})`, queries.length, c, true);
    latency[c] = Object.fromEntries(CONTENDERS.map((who) => [who, percentiles(ms[who])])) as Record<Contender, Percentiles>;
  }
  const recall = mean(queries.map((q) => recallAtK(rankings.vector.get(q.id) ?? [], rankings.exact.get(q.id) ?? [], K)));
  const serverMs = { hybrid: percentiles(server.hybrid), vector: percentiles(server.vector), lexical: percentiles(server.lexical) };
  return { latency, serverMs, hnswRecall10: recall, rankings, errors };
}
