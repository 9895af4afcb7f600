// FNV-1a (32-bit) over UTF-16 code units, finished with murmur3's fmix32 avalanche: FNV alone
// leaves the low bits of short keys poorly mixed, and the bucket and the sign both come from
// those bits. Pure integer math, so every process and platform agrees.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a state after `text.slice(from, to)`, continuing from `state`. */
export function fnv1a(text: string, state = FNV_OFFSET, from = 0, to = text.length): number {
  let h = state;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** FNV-1a state after one more code unit (a separator or a feature-kind seed). */
export function fnv1aUnit(state: number, unit: number): number {
  return Math.imul(state ^ unit, FNV_PRIME) >>> 0;
}

/** murmur3 fmix32: spreads every input bit over the whole word. */
export function fmix32(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
