import { FUNCTION_WORDS } from './stopwords';

// No type declarations ship with the package; its whole API is this one function.
const porter2: (word: string) => string = require('wink-porter2-stemmer');

// Same word shape as libs/rag's analyzer, so "covid-19", "o'brien" and "0.05" stay one word.
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:[-\u2010'\u2019]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;
const DIACRITICS = /[\u0300-\u036f]/g;
const HYPHENS = /[-\u2010]/;

/** Stemmed content words of a text, in order: what question, answer and source sentences are matched on. */
export function contentTerms(text: string): string[] {
  const folded = text.normalize('NFKD').toLowerCase().replace(DIACRITICS, '');
  const terms: string[] = [];
  for (const raw of folded.match(WORD) ?? []) {
    const word = raw.replace(/['\u2019]s$/, '').replace(/['\u2019]/g, '').replaceAll(',', '');
    const parts = word.split(HYPHENS).filter((part) => part.length > 0);
    for (const part of parts) addTerm(part, terms);
    // The joined form too, so "covid-19" meets "covid19".
    if (parts.length > 1) addTerm(parts.join(''), terms);
  }
  return terms;
}

function addTerm(word: string, terms: string[]): void {
  if (FUNCTION_WORDS.has(word)) return;
  // Porter2 is defined on English letters only; it mangles digits ("p53" -> "p5i").
  terms.push(/^[a-z]+$/.test(word) ? porter2(word) : word);
}
