import { DomUtils } from 'htmlparser2';
import { type HtmlElement, inlineText, isDropped } from './html-dom';
import { labelledRow } from './labelled-row';
import type { OutlineBuilder } from './outline.builder';

/** Emits one `table-row` block per row; a leading all-<th> row labels the cells of the others. */
export function emitTable(table: HtmlElement, out: OutlineBuilder): void {
  const caption = table.children.find((c): c is HtmlElement => DomUtils.isTag(c) && c.name === 'caption');
  if (caption) out.block('paragraph', inlineText(caption));
  let headers: string[] | undefined;
  rowsOf(table).forEach((row, index) => {
    const cells = row.children.filter((c): c is HtmlElement => DomUtils.isTag(c) && /^t[dh]$/.test(c.name));
    const texts = cells.map(inlineText);
    if (index === 0 && cells.length > 0 && cells.every((c) => c.name === 'th')) headers = texts;
    else out.block('table-row', headers ? labelledRow(headers, texts) : texts.filter(Boolean).join(' | '));
  });
}

// Rows of this table only: a nested table's rows belong to the cell that holds it.
function rowsOf(node: HtmlElement): HtmlElement[] {
  return node.children.flatMap((child) => {
    if (!DomUtils.isTag(child) || isDropped(child) || child.name === 'table') return [];
    return child.name === 'tr' ? [child] : rowsOf(child);
  });
}
