type JsonObject = Record<string, unknown>;

/**
 * JSON with object keys sorted and no whitespace, so the same value always yields the same bytes
 * whatever order its writer put the keys in. It agrees with JSON.stringify on what is kept:
 * undefined members are left out, undefined array items become null, `toJSON` is honoured.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot canonicalise the number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new Error(`cannot canonicalise a value of type ${typeof value}`);
  // Dates and the like are stored as JSON.stringify writes them, so hash what was written.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as JsonObject)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as JsonObject)[key])}`);
  return `{${members.join(',')}}`;
}
