// cl100k_base's own pre-tokenizer: contractions, letter runs with one leading non-letter, digit triples,
// punctuation runs, newlines, other whitespace. Counting the pieces BPE would make of each piece is the estimate.
const PIECE = /'(?:s|t|re|ve|m|ll|d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/giu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ASCII_LETTERS = /^[A-Za-z]+$/;
const CONTRACTION = /^'(?:s|t|re|ve|m|ll|d)$/i;
const MERGING_LEAD = /[ ./_]/;

/**
 * Estimated cl100k_base tokens of `text`, fast and deterministic. Common English words are one token; the
 * vocabulary splits rare and long words, so letters beyond the eighth count one token per four. CJK counts a
 * token per character, other scripts one per three letters.
 */
export function estimateTokens(text: string): number {
  let count = 0;
  for (const [piece] of text.matchAll(PIECE)) count += pieceTokens(piece);
  return count;
}

function pieceTokens(piece: string): number {
  if (CONTRACTION.test(piece)) return 1;
  if (/\p{L}/u.test(piece)) {
    // A space, dot, slash or underscore before a word usually merges into it (` the`, `.com`, `/path`); a bracket does not.
    const letters = /\p{L}/u.test(piece[0]) ? piece : piece.slice(1);
    const lead = letters === piece || MERGING_LEAD.test(piece[0]) ? 0 : 1;
    return lead + wordTokens(letters);
  }
  if (/^\s+$/u.test(piece)) return Math.ceil(piece.length / 16);
  if (/\p{N}/u.test(piece[0])) return 1;
  // Punctuation runs (`...`, `);`, `://`) are mostly single tokens up to about three characters.
  return Math.ceil(piece.trim().length / 3) || 1;
}

function wordTokens(word: string): number {
  if (ASCII_LETTERS.test(word)) return word.length <= 8 ? 1 : 1 + Math.ceil((word.length - 8) / 4);
  if (CJK.test(word)) return [...word].length;
  return Math.ceil([...word].length / 3);
}
