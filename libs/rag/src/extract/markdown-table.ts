import { stripInline } from './markdown-inline';

/** Cells of a GFM table row; `\|` is a literal pipe, outer pipes are optional. */
export function tableCells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => stripInline(cell.replace(/\\\|/g, '|').trim()));
}
