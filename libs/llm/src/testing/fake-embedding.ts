import { createHash } from 'node:crypto';

/** The deterministic, unnormalised vector the fake server returns for a text. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let round = 0; values.length < dimensions; round++) {
    const digest = createHash('sha256').update(`${round}:${text}`).digest();
    for (let at = 0; at + 2 <= digest.length && values.length < dimensions; at += 2) values.push(digest.readInt16BE(at) / 32768);
  }
  return values;
}
