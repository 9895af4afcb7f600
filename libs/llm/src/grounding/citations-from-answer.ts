import type { GroundingSource, ProviderCitation } from '../chat/chat-provider.types';
import { bestSupportingSpan } from './quote-matcher';
import { findCitationMarkers, stripCitationMarkers } from './text/citation-markers';
import { sentenceSpans, type TextSpan } from './text/sentence-spans';

/** Citations found in an answer, and the marker numbers that named no source. */
export interface AnswerCitations {
  readonly citations: ProviderCitation[];
  /** Distinct, in order of appearance; the app strips or flags them (see `dropCitationIds`). */
  readonly unknownMarkers: number[];
}

/** Citations of a model's answer from its [n] markers, each quoting the source sentence that best matches the marked sentence. */
export function citationsFromAnswer(answerText: string, sources: readonly GroundingSource[]): AnswerCitations {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const sentences = sentenceSpans(answerText);
  const citations = new Map<string, ProviderCitation>();
  const unknown = new Set<number>();
  for (const marker of findCitationMarkers(answerText)) {
    const claim = stripCitationMarkers(claimAround(answerText, sentences, marker.start));
    for (const id of marker.ids) {
      const source = byId.get(id);
      // Never cite a chunk that was not retrieved, whatever number the model wrote.
      if (!source) unknown.add(id);
      else {
        const span = bestSupportingSpan(source, claim);
        const citation = { sourceId: id, quote: source.text.slice(span.start, span.end), start: source.start + span.start, end: source.start + span.end };
        citations.set(`${id}:${citation.start}:${citation.end}`, citation);
      }
    }
  }
  return { citations: [...citations.values()], unknownMarkers: [...unknown] };
}

// The sentence a marker belongs to. "Foo. [1] Bar." splits before "[1]", and a marker that opens
// a sentence (nothing but other markers before it) closes the previous one.
function claimAround(text: string, sentences: readonly TextSpan[], at: number): string {
  const index = sentences.findIndex((span) => span.start <= at && at < span.end);
  if (index < 0) return '';
  const own = sentences[index];
  const opensSentence = stripCitationMarkers(text.slice(own.start, at)).trim() === '';
  return opensSentence && index > 0 ? text.slice(sentences[index - 1].start, sentences[index - 1].end) : text.slice(own.start, own.end);
}
