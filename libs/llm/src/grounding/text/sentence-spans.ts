/** A span of characters, `end` exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

// The rules of libs/rag's sentence splitter (repeated here: @ragstream/rag imports
// @ragstream/llm): terminal punctuation and closing quotes followed by whitespace and a
// character that can open a sentence, CJK full stops, or a blank line.
const BOUNDARY =
  /[.!?\u2026]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[\p{Lu}\p{Lt}\p{N}\p{Lo}])|[\u3002\uff01\uff1f]+\s*|\n[ \t]*\n\s*/gu;
const ABBREVIATIONS = new Set(
  'al approx ca cf dr e.g eg eq eqs etc fig figs i.e ie inc jr mr mrs ms no nos prof ref refs resp sr st vs'.split(' '),
);
const WORD_BEFORE_PERIOD = /([\p{L}.]+)\.$/u;

/** Trimmed sentence spans of `text`, offsets relative to it; sentences longer than `maxChars` are cut at spaces. */
export function sentenceSpans(text: string, maxChars = Number.POSITIVE_INFINITY): TextSpan[] {
  const spans: TextSpan[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const punctEnd = m.index + m[0].trimEnd().length;
    if (m[0][0] === '.' && isAbbreviation(text.slice(from, punctEnd))) continue;
    pushPieces(spans, text, from, punctEnd, maxChars);
    from = m.index + m[0].length;
  }
  pushPieces(spans, text, from, text.length, maxChars);
  return spans;
}

function isAbbreviation(sentence: string): boolean {
  const word = WORD_BEFORE_PERIOD.exec(sentence.replace(/["'\u201d\u2019)\]]+$/u, ''))?.[1];
  return word !== undefined && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()));
}

// Text without punctuation (transcripts, tables) would otherwise be one enormous "sentence".
function pushPieces(spans: TextSpan[], text: string, from: number, to: number, maxChars: number): void {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  while (to - from > maxChars) {
    const cut = text.lastIndexOf(' ', from + maxChars);
    const end = cut > from ? cut : from + maxChars;
    pushPieces(spans, text, from, end, maxChars);
    from = end;
    while (from < to && /\s/.test(text[from])) from++;
  }
  if (to > from) spans.push({ start: from, end: to });
}
