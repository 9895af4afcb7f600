const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '',
};

/** WebVTT cue payload as plain text: a voice tag becomes a "Name: " prefix, other markup goes. */
export function vttCueText(lines: readonly string[]): string {
  return cleanLines(lines, (line) =>
    line
      .replace(/<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/g, (_, speaker: string) => `${speaker.trim()}: `)
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|apos|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name]),
  );
}

/** SRT cue text without HTML-style formatting tags and {\an8}-style positioning codes. */
export function srtCueText(lines: readonly string[]): string {
  return cleanLines(lines, (line) => line.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, ''));
}

function cleanLines(lines: readonly string[], clean: (line: string) => string): string {
  return lines
    .map((line) => clean(line).replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
