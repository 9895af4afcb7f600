/**
 * Scales a vector to unit length as a Float32Array. An all-zero vector gets a fixed axis instead,
 * as the offline embedder does, so cosine distances stay defined.
 */
export function toUnitVector(values: readonly number[]): Float32Array {
  let norm = 0;
  for (const v of values) norm += v * v;
  const out = new Float32Array(values.length);
  if (norm === 0) {
    if (out.length) out[0] = 1;
    return out;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * scale;
  return out;
}
