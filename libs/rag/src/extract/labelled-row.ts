/** A row as "header: value; header: value", so a row read alone still says what it means. */
export function labelledRow(headers: readonly string[], cells: readonly string[]): string {
  return cells
    .map((cell, i) => (cell === '' ? '' : `${headers[i] || `column ${i + 1}`}: ${cell}`))
    .filter((pair) => pair !== '')
    .join('; ');
}
