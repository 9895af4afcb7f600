// No type declarations ship with the package; its whole API is this one function.
const porter2: (word: string) => string = require('wink-porter2-stemmer');

// The stemmer is regex based (~3 µs a word) while text vocabularies are Zipfian: a bounded cache
// turns most calls into one Map lookup. Cleared wholesale when full, which is cheaper than LRU
// bookkeeping and only costs a brief warm-up.
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

/** Porter2 (Snowball English) stem of a lowercase word; words with digits or non-ASCII letters are kept as they are. */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed !== undefined) return stemmed;
  // Porter2 is defined on English letters only; it also mangles digits ("p53" -> "p5i").
  stemmed = /^[a-z]+$/.test(word) ? porter2(word) : word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}
