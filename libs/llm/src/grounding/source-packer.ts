import type { GroundingSource } from '../chat/chat-provider.types';
import { formatSource } from './grounding-instructions';
import type { CountTokens } from './prompt.types';
import { sentenceSpans } from './text/sentence-spans';

/** Sources as they enter the prompt, and what their blocks cost (separators included). */
export interface PackedSources {
  readonly sources: GroundingSource[];
  readonly tokens: number;
}

/** The highest-ranked sources that fit in `room` tokens, renumbered 1..n; the best one is cut to fit when even it does not. */
export function packSources(ranked: readonly GroundingSource[], room: number, countTokens: CountTokens): PackedSources {
  const packed: GroundingSource[] = [];
  let tokens = 0;
  for (const source of ranked) {
    const numbered = { ...source, id: packed.length + 1 };
    const cost = blockCost(numbered, countTokens);
    // Dropped from the lowest-ranked end: a smaller, worse source never jumps a better one.
    if (tokens + cost > room) break;
    packed.push(numbered);
    tokens += cost;
  }
  if (packed.length > 0 || ranked.length === 0) return { sources: packed, tokens };
  const cut = cutToFit({ ...ranked[0], id: 1 }, room, countTokens);
  return cut ? { sources: [cut], tokens: blockCost(cut, countTokens) } : { sources: [], tokens: 0 };
}

/** What one source costs in the system message, with the blank line before it. */
export function blockCost(source: GroundingSource, countTokens: CountTokens): number {
  return countTokens(`\n\n${formatSource(source)}`);
}

// Whole sentences when at least one fits, else whole words; null when not even one word fits.
function cutToFit(source: GroundingSource, room: number, countTokens: CountTokens): GroundingSource | null {
  const withLength = (length: number) => ({ ...source, text: source.text.slice(0, length), end: source.start + length });
  const fits = (length: number) => blockCost(withLength(length), countTokens) <= room;
  const sentenceEnds = sentenceSpans(source.text).map((span) => span.end);
  const wordEnds = [...source.text.matchAll(/\S+/g)].map((m) => m.index + m[0].length);
  const length = longestFitting(sentenceEnds, fits) ?? longestFitting(wordEnds, fits);
  return length === undefined ? null : withLength(length);
}

/** The largest of ascending `lengths` that fits, by binary search (cost grows with length). */
function longestFitting(lengths: readonly number[], fits: (length: number) => boolean): number | undefined {
  let [lo, hi, best] = [0, lengths.length - 1, undefined as number | undefined];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(lengths[mid])) [best, lo] = [lengths[mid], mid + 1];
    else hi = mid - 1;
  }
  return best;
}
