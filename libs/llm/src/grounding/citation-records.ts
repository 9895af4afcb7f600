import type { Citation } from '@ragstream/contracts';
import type { GroundingSource, ProviderCitation } from '../chat/chat-provider.types';
import { MAX_QUOTE_CHARS } from './quote-matcher';

/** A transcript cue: document offsets of its text and when it is spoken. */
export interface TimedSpan {
  readonly start: number;
  readonly end: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** Where per-sentence timings come from; GroundingSource carries only the chunk's span. */
export interface CitationRecordOptions {
  /** The cues of a source's chunk, when the caller has them (transcripts). */
  readonly cues?: (source: GroundingSource) => readonly TimedSpan[] | undefined;
}

/** Citation events from provider citations: only those naming a given source; transcript times narrowed to the quote when cues are known. */
export function toCitationRecords(
  citations: readonly ProviderCitation[],
  sources: readonly GroundingSource[],
  options: CitationRecordOptions = {},
): Citation[] {
  const byId = new Map(sources.map((source) => [source.id, source]));
  return citations.flatMap((citation) => {
    const source = byId.get(citation.sourceId);
    if (!source) return [];
    const [startMs, endMs] = quoteTimes(source, citation, options.cues?.(source));
    return [
      {
        sourceId: source.id,
        documentId: source.documentId,
        revision: source.revision,
        chunkIndex: source.chunkIndex,
        quote: citation.quote.slice(0, MAX_QUOTE_CHARS),
        // Pages stay the chunk's: a GroundingSource does not say where its page breaks fall.
        anchor: { start: citation.start, end: citation.end, page: source.page, pageEnd: source.pageEnd, startMs, endMs, headingPath: [...source.headingPath] },
      },
    ];
  });
}

// Without cues the chunk's times are the best we know: a guess by character position could point
// the player at the wrong words.
function quoteTimes(source: GroundingSource, citation: ProviderCitation, cues: readonly TimedSpan[] | undefined): [number | null, number | null] {
  const spoken = (cues ?? []).filter((cue) => cue.start < citation.end && citation.start < cue.end);
  if (spoken.length === 0) return [source.startMs, source.endMs];
  return [Math.min(...spoken.map((cue) => cue.startMs)), Math.max(...spoken.map((cue) => cue.endMs))];
}
