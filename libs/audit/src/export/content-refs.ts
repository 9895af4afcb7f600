const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The object-store objects an event's data refers to, found by shape so new event types need no
 * registration: any object with a `sha256` member (`content: { sha256, size }`) and any
 * `contentSha256` member.
 */
export function contentRefsOf(data: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) contentRefsOf(item, found);
    return found;
  }
  if (typeof data !== 'object' || data === null) return found;
  for (const [key, value] of Object.entries(data)) {
    if ((key === 'sha256' || key === 'contentSha256') && typeof value === 'string' && SHA256.test(value)) found.add(value);
    else contentRefsOf(value, found);
  }
  return found;
}
