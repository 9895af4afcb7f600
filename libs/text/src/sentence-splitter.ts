/** A span of characters, `end` exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

// A sentence ends at terminal punctuation (plus closing quotes/brackets) followed by whitespace
// and a character that can open a sentence, at CJK full stops (no space follows them), or at a
// blank line.
const CANDIDATE =
  /[.!?\u2026]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[\p{Lu}\p{Lt}\p{N}\p{Lo}])|[\u3002\uff01\uff1f]+\s*|\n[ \t]*\n\s*/gu;
const LINE = /\n\s*/g;
// Periods that rarely end a sentence; a single letter ("J. Smith", "E. coli") is treated alike.
const ABBREVIATIONS = new Set(
  'al approx ca cf dr e.g eg eq eqs etc fig figs i.e ie inc jr mr mrs ms no nos prof ref refs resp sr st vs'.split(' '),
);
const WORD_BEFORE_PERIOD = /([\p{L}.]+)\.$/u;

/**
 * Sentence spans (absolute offsets, trimmed) of `text.slice(start, end)`; with `byLine`, every line
 * is one (code). A sentence longer than `maxChars` is cut at spaces.
 */
export function splitSentences(text: string, start = 0, end = text.length, byLine = false, maxChars = Number.POSITIVE_INFINITY): TextSpan[] {
  const slice = text.slice(start, end);
  const re = byLine ? LINE : CANDIDATE;
  re.lastIndex = 0;
  const spans: TextSpan[] = [];
  let from = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const punctEnd = m.index + m[0].trimEnd().length;
    if (!byLine && m[0][0] === '.' && isAbbreviation(slice.slice(from, punctEnd))) continue;
    pushTrimmed(spans, slice, from, punctEnd, start, maxChars);
    from = m.index + m[0].length;
  }
  pushTrimmed(spans, slice, from, slice.length, start, maxChars);
  return spans;
}

function isAbbreviation(sentence: string): boolean {
  const word = WORD_BEFORE_PERIOD.exec(sentence.replace(/["'\u201d\u2019)\]]+$/u, ''))?.[1];
  if (!word) return false;
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

// Text without punctuation (transcripts, tables) would otherwise be one enormous "sentence".
function pushTrimmed(spans: TextSpan[], slice: string, from: number, to: number, offset: number, maxChars: number): void {
  while (from < to && /\s/.test(slice[from])) from++;
  while (to > from && /\s/.test(slice[to - 1])) to--;
  while (to - from > maxChars) {
    const cut = slice.lastIndexOf(' ', from + maxChars);
    const pieceEnd = cut > from ? cut : from + maxChars;
    pushTrimmed(spans, slice, from, pieceEnd, offset, maxChars);
    from = pieceEnd;
    while (from < to && /\s/.test(slice[from])) from++;
  }
  if (to > from) spans.push({ start: offset + from, end: offset + to });
}
