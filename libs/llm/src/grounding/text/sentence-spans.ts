import { splitSentences, type TextSpan } from '@ragstream/text';

export type { TextSpan };

/** Trimmed sentence spans of `text`, offsets relative to it; sentences longer than `maxChars` are cut at spaces. */
export function sentenceSpans(text: string, maxChars = Number.POSITIVE_INFINITY): TextSpan[] {
  return splitSentences(text, 0, text.length, false, maxChars);
}
