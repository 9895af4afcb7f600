// PDF text has lines, not paragraphs: a line well short of the page's longest one is taken to end
// a paragraph (a ragged last line, or a heading).
const SHORT_LINE_RATIO = 0.75;

/** Rebuilds paragraphs from the lines of one PDF page, joining wrapped lines and hyphenated words. */
export function pdfParagraphs(pageText: string): string[] {
  const lines = pageText.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  const measure = Math.max(0, ...lines.map((line) => line.length));
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line !== '') current = current === '' ? line : joinWrapped(current, line);
    if (current !== '' && (line === '' || line.length < SHORT_LINE_RATIO * measure)) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

function joinWrapped(before: string, line: string): string {
  return /\p{L}-$/u.test(before) && /^\p{Ll}/u.test(line) ? before.slice(0, -1) + line : `${before} ${line}`;
}
