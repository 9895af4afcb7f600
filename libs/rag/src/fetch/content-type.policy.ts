/** Media types fetched by default: what `detectFormat` can read. */
export const DEFAULT_ALLOWED_CONTENT_TYPES: readonly string[] = [
  'text/*',
  'application/xhtml+xml',
  'application/pdf',
  'application/json',
  'application/ld+json',
  'application/csv',
  'application/x-subrip',
  'application/srt',
];

/** `Text/HTML; charset=utf-8` -> `text/html`; a missing header reads as generic binary. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() || 'application/octet-stream';
}

/** True when the media type matches an entry exactly or a `type/*` wildcard. */
export function isAllowedMediaType(mediaType: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.endsWith('/*') ? mediaType.startsWith(pattern.slice(0, -1)) : mediaType === pattern;
  });
}
