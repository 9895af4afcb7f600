/** Header lookups as both fetch `Headers` and plain objects provide them. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * Reads a Retry-After value (delay-seconds or HTTP-date) as milliseconds from `nowMs`;
 * undefined when absent or unreadable, 0 when the date is already past.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // Only HTTP-dates; Date.parse would also accept "5" or "-1" as years.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The server's requested wait: OpenAI's `retry-after-ms` when present (finer-grained), else Retry-After. */
export function retryAfterFromHeaders(headers: HeaderSource, nowMs: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  return parseRetryAfter(headers.get('retry-after'), nowMs);
}
