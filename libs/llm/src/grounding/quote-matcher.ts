import type { GroundingSource } from '../chat/chat-provider.types';
import { contentTerms } from './text/content-terms';
import { sentenceSpans, type TextSpan } from './text/sentence-spans';

/** Longest quote a Citation event holds. */
export const MAX_QUOTE_CHARS = 2_000;

/** The span of `source.text` (relative offsets) that best supports a claim: the sentence sharing most of its stems. */
export function bestSupportingSpan(source: GroundingSource, claim: string): TextSpan {
  const claimTerms = new Set(contentTerms(claim));
  let best: { span: TextSpan; shared: number; size: number } | null = null;
  for (const span of sentenceSpans(source.text, MAX_QUOTE_CHARS)) {
    const terms = new Set(contentTerms(source.text.slice(span.start, span.end)));
    const shared = [...terms].filter((term) => claimTerms.has(term)).length;
    // Ties go to the denser sentence, then the earlier one.
    if (shared > 0 && (!best || shared > best.shared || (shared === best.shared && terms.size < best.size))) best = { span, shared, size: terms.size };
  }
  return best?.span ?? wholeChunk(source.text);
}

// No shared stem (a paraphrase, another language): the model still said this chunk supports it,
// so the quote is the chunk itself rather than a sentence picked at random.
function wholeChunk(text: string): TextSpan {
  const start = text.length - text.trimStart().length;
  const end = Math.min(text.trimEnd().length, start + MAX_QUOTE_CHARS);
  return { start, end };
}
