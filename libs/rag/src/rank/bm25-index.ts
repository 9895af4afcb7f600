import { BM25_B, BM25_K1, bm25TermScore, type Bm25Stats } from './bm25';

/** A chunk id with its score and 1-based rank in one result list. */
export interface ScoredHit {
  readonly id: string;
  readonly score: number;
  readonly rank: number;
}

interface Postings {
  readonly docs: number[];
  readonly tfs: number[];
}

/**
 * In-memory BM25 over per-chunk term frequencies: the reference the Postgres implementation is
 * tested against, and the lexical side of the offline quality harness. Repeated query terms count
 * once per occurrence, as separate Lucene clauses would.
 */
export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, Postings>();
  private totalLength = 0;

  constructor(
    private readonly k1 = BM25_K1,
    private readonly b = BM25_B,
  ) {}

  /** Adds a chunk; `termFreqs` is `termFrequencies(analyze(indexText))`. */
  add(id: string, termFreqs: ReadonlyMap<string, number>): void {
    const doc = this.ids.length;
    let length = 0;
    for (const [term, tf] of termFreqs) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = { docs: [], tfs: [] }));
      list.docs.push(doc);
      list.tfs.push(tf);
      length += tf;
    }
    this.ids.push(id);
    this.lengths.push(length);
    this.totalLength += length;
  }

  /** Chunks containing `term`. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Collection statistics as the scores use them. */
  stats(): Bm25Stats {
    return { documentCount: this.ids.length, averageLength: this.ids.length ? this.totalLength / this.ids.length : 0 };
  }

  /** The best `limit` chunks for analyzed query terms, highest score first (ties by insertion order). */
  search(queryTerms: readonly string[], limit = 10): ScoredHit[] {
    const stats = this.stats();
    const scores = new Map<number, number>();
    for (const term of queryTerms) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i];
        const add = bm25TermScore(list.tfs[i], list.docs.length, this.lengths[doc], stats, this.k1, this.b);
        scores.set(doc, (scores.get(doc) ?? 0) + add);
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([doc, score], i) => ({ id: this.ids[doc], score, rank: i + 1 }));
  }
}
