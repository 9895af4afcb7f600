import type { GroundingSource } from '../chat/chat-provider.types';
import { contentTerms } from '../grounding/text/content-terms';
import { sentenceSpans } from '../grounding/text/sentence-spans';

// Longer runs (transcripts, tables without punctuation) are cut so one "sentence" cannot eat the
// whole answer budget.
const MAX_SENTENCE_CHARS = 400;

/** A sentence of a source that could be quoted; `start`/`end` are offsets in the source's text. */
export interface Candidate {
  readonly source: GroundingSource;
  /** 0 for the best-ranked source. */
  readonly rank: number;
  /** Place of the sentence in its source, for adjacency and reading order. */
  readonly position: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly termCounts: ReadonlyMap<string, number>;
  readonly length: number;
}

/** Every sentence of every source, sources ranked by retrieval score (best first, ties keep their order). */
export function sentenceCandidates(sources: readonly GroundingSource[]): Candidate[] {
  const ranked = sources.map((source, order) => ({ source, order })).sort((a, b) => b.source.score - a.source.score || a.order - b.order);
  return ranked.flatMap(({ source }, rank) =>
    sentenceSpans(source.text, MAX_SENTENCE_CHARS).map((span, position) => {
      const text = source.text.slice(span.start, span.end);
      const terms = contentTerms(text);
      return { source, rank, position, start: span.start, end: span.end, text, termCounts: countTerms(terms), length: terms.length };
    }),
  );
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
