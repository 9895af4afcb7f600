import type { ProviderCitation } from '../chat/chat-provider.types';
import { stripCitationMarkers } from '../grounding/text/citation-markers';
import type { Candidate } from './sentence-candidates';

const TRAILING_PUNCTUATION = /[.!?\u2026]+["'\u201d\u2019)\]]*$/u;

/** The plain answer when the sources do not hold one. */
export const NO_ANSWER_TEXT = 'The documents in this workspace do not seem to answer that.';

/** One quoted sentence as it reads in the answer: `Aspirin inhibits COX-1 [2].` */
export function markedSentence(candidate: Candidate): string {
  // The document's own reference markers ("[12]") would read as ours; its line breaks as layout.
  const text = stripCitationMarkers(candidate.text).replace(/\s+/g, ' ').trim();
  const marker = ` [${candidate.source.id}]`;
  const punctuation = TRAILING_PUNCTUATION.exec(text)?.[0] ?? '';
  return `${text.slice(0, text.length - punctuation.length)}${marker}${punctuation}`;
}

/** The stitched answer and a citation (exact sentence, document offsets) per sentence. */
export function stitchAnswer(chosen: readonly Candidate[]): { text: string; citations: ProviderCitation[] } {
  return {
    text: chosen.map(markedSentence).join(' '),
    citations: chosen.map((c) => ({ sourceId: c.source.id, quote: c.text, start: c.source.start + c.start, end: c.source.start + c.end })),
  };
}
