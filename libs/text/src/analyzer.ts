import { normalizeText } from './normalize';
import { stem } from './stem';
import { ENGLISH_STOPWORDS } from './stopwords';
import { splitWords } from './word-splitter';

// Longer "words" are identifiers, hashes or encoded data: nobody searches for them by hand and
// they would bloat the term table.
const MAX_TERM_LENGTH = 64;
const HYPHENS = /[-\u2010]/;
const APOSTROPHES = /['\u2019]/g;
const POSSESSIVE = /['\u2019]s$/;

/** Index terms of a text for BM25 and the offline embedder: normalized, split, stopwords removed, Porter2-stemmed, in text order. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(normalizeText(text))) addWord(word, terms);
  return terms;
}

/** Counts each term: the per-chunk term frequencies BM25 is computed from. */
export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function addWord(raw: string, terms: string[]): void {
  let word = raw;
  if (word.includes("'") || word.includes('\u2019')) word = word.replace(POSSESSIVE, '').replace(APOSTROPHES, '');
  // Thousands separators: "1,000" and "1000" are the same number.
  if (word.includes(',')) word = word.replaceAll(',', '');
  if (!HYPHENS.test(word)) return addTerm(word, terms);
  const parts = word.split(HYPHENS).filter((part) => part.length > 0);
  for (const part of parts) addTerm(part, terms);
  // The joined form as well, so "covid-19" meets "covid19" and "il-6" meets "il6", while the
  // parts keep "non-small cell" matching "small cell".
  if (parts.length > 1) addTerm(parts.join(''), terms);
}

function addTerm(word: string, terms: string[]): void {
  if (word.length === 0 || word.length > MAX_TERM_LENGTH || ENGLISH_STOPWORDS.has(word)) return;
  terms.push(stem(word));
}
