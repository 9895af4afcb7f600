/** Splits text into paragraphs at blank lines; lines keep their breaks, trailing spaces go. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .filter((paragraph) => paragraph.trim().length > 0);
}
