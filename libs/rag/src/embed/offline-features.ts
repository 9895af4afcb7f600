import { analyze, termFrequencies } from '../text/analyzer';
import { fmix32, fnv1a, fnv1aUnit } from './offline-hash';

// Relative weights of the three feature families, fixed a priori: whole terms carry the meaning,
// adjacent-term pairs add phrase evidence ("cell death" vs "death" + "cell"), and character
// n-grams of each term match morphology the stemmer misses ("methylation" in
// "hypermethylation").
const E = process.env;
export const FEATURE_WEIGHTS = { term: Number(E.TW ?? 1), bigram: Number(E.BG ?? 0.5), ngram: Number(E.NG ?? 0.6) } as const;
const NGRAM_SIZES = (E.NS ?? '3,4,5').split(',').map(Number);
// Seeds keep the families apart in the hash space: term "abc" is not n-gram "abc".
const SEED_TERM = 1;
const SEED_BIGRAM = 2;
const SEED_NGRAM = 3;

/** Adds the hashed features of `text` to `vector` (signed feature hashing, sublinear tf). */
export function addHashedFeatures(text: string, vector: Float64Array, weightOf?: (term: string) => number): void {
  const terms = analyze(text);
  for (const [term, tf] of termFrequencies(terms)) {
    const weight = sublinear(tf) * (weightOf ? weightOf(term) : termPrior(term));
    const h = fnv1a(term);
    add(vector, fnv1aUnit(h, SEED_TERM), FEATURE_WEIGHTS.term * weight);
    addNgrams(vector, term, FEATURE_WEIGHTS.ngram * weight);
  }
  const bigrams = new Map<number, number>();
  for (let i = 1; i < terms.length; i++) {
    const h = fnv1aUnit(fnv1a(terms[i], fnv1aUnit(fnv1a(terms[i - 1]), 0x20)), SEED_BIGRAM);
    bigrams.set(h, (bigrams.get(h) ?? 0) + 1);
  }
  for (const [h, tf] of bigrams) add(vector, h, FEATURE_WEIGHTS.bigram * sublinear(tf));
}

/** Lucene-style sublinear term frequency: the tenth mention says less than the first. */
function sublinear(tf: number): number {
  if (E.TF === 'raw') return tf;
  if (E.TF === 'bin') return 1;
  return 1 + Math.log(tf);
}

/**
 * A-priori informativeness without corpus statistics: short terms are frequent terms (Zipf's law
 * of abbreviation), while anything containing a digit ("p53", "covid19") is a specific name.
 */
export function termPrior(term: string): number {
  if (E.PRIOR === 'none') return 1;
  if (/\d/.test(term)) return 1;
  if (E.PRIOR === 'len2') return Math.min(1.5, term.length / 6);
  return Math.min(1, 0.4 + term.length / 10);
}

// N-grams of "<term>" with boundary markers, so prefixes and suffixes are features of their own.
// The family's weight is spread so a term's n-grams together weigh `weight` in the dot product.
function addNgrams(vector: Float64Array, term: string, weight: number): void {
  const marked = `<${term}>`;
  let count = 0;
  for (const n of NGRAM_SIZES) count += Math.max(0, marked.length - n + 1);
  if (count === 0) return;
  const each = weight / Math.sqrt(count);
  for (const n of NGRAM_SIZES) {
    for (let i = 0; i + n <= marked.length; i++) add(vector, fnv1aUnit(fnv1a(marked, undefined, i, i + n), SEED_NGRAM), each);
  }
}

function add(vector: Float64Array, hash: number, weight: number): void {
  const mixed = fmix32(hash);
  // Unsigned modulo of the mixed hash picks the bucket; an independent bit picks the sign, so
  // collisions cancel in expectation instead of piling up.
  const sign = mixed & 1 ? -1 : 1;
  vector[(mixed >>> 1) % vector.length] += sign * weight;
}
