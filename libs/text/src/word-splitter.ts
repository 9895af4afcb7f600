// A word: letters/digits/marks, joined by hyphens or apostrophes ("covid-19", "o'brien"), or by a
// dot or comma between digits ("0.05", "1,000"). Everything else separates words.
const WORD =
  /[\p{L}\p{N}\p{M}]+(?:(?:[-\u2010'\u2019]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;
// Scripts written without spaces between words (Han, Hiragana, Katakana) are split into
// overlapping character bigrams as Lucene's CJK analyzer does: no dictionary, and stable across
// ICU versions. Code point ranges rather than \p{Script=...}: several times faster to scan.
const CJK = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}';
const UNSPACED = new RegExp(`[${CJK}]`, 'u');
const UNSPACED_RUNS = new RegExp(`[${CJK}]+|[^${CJK}]+`, 'gu');

/** Raw words of normalized text, in order; compounds stay whole (see `WORD`). */
export function splitWords(text: string): string[] {
  const words = text.match(WORD) ?? [];
  if (!UNSPACED.test(text)) return words;
  return words.flatMap((word) => (UNSPACED.test(word) ? splitUnspaced(word) : [word]));
}

function splitUnspaced(word: string): string[] {
  const out: string[] = [];
  for (const run of word.match(UNSPACED_RUNS) ?? []) {
    if (!UNSPACED.test(run)) out.push(run);
    else {
      // Array.from splits by code point: Han extension B lies outside the BMP.
      const chars = Array.from(run);
      if (chars.length === 1) out.push(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    }
  }
  return out;
}
