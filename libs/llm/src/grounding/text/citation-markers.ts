// [n], [n, m] and [n][m] (each bracket matched on its own); numbers only, so "[a]" or "[1a]" are text.
const MARKER = /\[(\d{1,4}(?:\s*,\s*\d{1,4})*)\]/g;
const MARKER_WITH_SPACE = /\s*\[\d{1,4}(?:\s*,\s*\d{1,4})*\]/g;

/** A citation marker in a text: the numbers it names and where it stands. */
export interface CitationMarker {
  readonly ids: readonly number[];
  readonly start: number;
  readonly end: number;
}

/** Every [n] / [n, m] marker of a text, in order. */
export function findCitationMarkers(text: string): CitationMarker[] {
  return [...text.matchAll(MARKER)].map((m) => ({
    ids: m[1].split(',').map((n) => Number(n.trim())),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The text without its citation markers (and the space before each). */
export function stripCitationMarkers(text: string): string {
  return text.replace(MARKER_WITH_SPACE, '');
}

/** The text with the given numbers removed from its markers (`[1, 7]` -> `[1]`, `[7]` -> gone): for unknown markers. */
export function dropCitationIds(text: string, ids: readonly number[]): string {
  const drop = new Set(ids);
  return text.replace(MARKER_WITH_SPACE, (marker) => {
    const kept = (marker.match(/\d+/g) ?? []).map(Number).filter((id) => !drop.has(id));
    return kept.length === 0 ? '' : marker.replace(/\[.*\]/, `[${kept.join(', ')}]`);
  });
}
