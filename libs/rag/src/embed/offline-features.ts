import { analyze, termFrequencies } from '@ragstream/text';
import { fmix32, fnv1a, fnv1aUnit } from './offline-hash';

// Character n-grams of each term carry this share of the term's weight: whole terms carry the
// meaning, n-grams match morphology the stemmer misses ("methylation" in "hypermethylation") and
// misspellings. Fixed a priori; there are no corpus statistics at embedding time.
export const NGRAM_WEIGHT = 0.6;
// fastText's range of subword lengths, minus 6 (few stems are long enough for it to add much).
const NGRAM_SIZES = [3, 4, 5];
// Seeds keep the families apart in the hash space: term "abc" is not n-gram "abc".
const SEED_TERM = 1;
const SEED_NGRAM = 3;

/** Per-term multiplier, e.g. a query term's IDF; 1 for every term when absent. */
export type TermWeight = (term: string) => number;

/** Adds the hashed features of `text` to `vector`: signed feature hashing of stems and their n-grams, sublinear tf. */
export function addHashedFeatures(text: string, vector: Float64Array, weightOf?: TermWeight): void {
  for (const [term, tf] of termFrequencies(analyze(text))) {
    const weight = (1 + Math.log(tf)) * (weightOf ? weightOf(term) : 1);
    if (!(weight > 0)) continue;
    add(vector, fnv1aUnit(fnv1a(term), SEED_TERM), weight);
    addNgrams(vector, term, NGRAM_WEIGHT * weight);
  }
}

// N-grams of "<term>" with boundary markers, so prefixes and suffixes are features of their own.
// The weight is spread so that a term's n-grams together weigh `weight` in the dot product.
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
  // One bit picks the sign, the rest the bucket: collisions cancel in expectation instead of
  // piling up, so dot products stay unbiased.
  const sign = mixed & 1 ? -1 : 1;
  vector[(mixed >>> 1) % vector.length] += sign * weight;
}
