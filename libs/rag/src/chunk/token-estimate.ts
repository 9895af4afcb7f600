// The estimate: one token per word (a run of letters, digits and marks), one per punctuation or
// symbol character, one per Han/kana character. BPE and WordPiece vocabularies split rare and
// long words into several pieces, so on technical English this undercounts a real tokenizer by
// roughly 20-35 %; the default budget leaves room for that.
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** A token as the estimate sees it, with its character offsets. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
}

/** Estimated word-piece tokens in `text.slice(start, end)`; additive over whitespace-separated parts. */
export function estimateTokens(text: string, start = 0, end = text.length): number {
  // A shared global regex is safe: nothing else uses it between setting lastIndex and the loop end.
  const re = TOKEN;
  re.lastIndex = start;
  let count = 0;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) count++;
  return count;
}

/** The estimated tokens of `text.slice(start, end)` with absolute offsets, for cutting inside a sentence. */
export function tokenSpans(text: string, start: number, end: number): TokenSpan[] {
  const re = TOKEN;
  re.lastIndex = start;
  const spans: TokenSpan[] = [];
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) spans.push({ start: m.index, end: Math.min(end, m.index + m[0].length) });
  return spans;
}
