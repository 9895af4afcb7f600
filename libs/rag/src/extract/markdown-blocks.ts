import { stripInline } from './markdown-inline';
import { closesFence, interruptsParagraph, MD } from './markdown-syntax';
import { tableCells } from './markdown-table';
import { labelledRow } from './labelled-row';
import type { OutlineBuilder } from './outline.builder';

/** Walks Markdown lines and emits one block per heading, paragraph, list item, code fence and table row. */
export function parseMarkdownBlocks(lines: readonly string[], out: OutlineBuilder): void {
  let i = 0;
  while (i < lines.length) i = parseBlock(lines, i, out);
}

// Each parser consumes the lines of one construct and returns the index after it.
function parseBlock(lines: readonly string[], i: number, out: OutlineBuilder): number {
  const line = lines[i];
  if (MD.blank.test(line) || MD.thematicBreak.test(line) || MD.referenceDefinition.test(line)) return i + 1;
  const atx = MD.atxHeading.exec(line);
  if (atx) {
    out.heading(atx[1].length, stripInline(atx[2] ?? ''));
    return i + 1;
  }
  const fence = MD.fenceOpen.exec(line);
  if (fence) return parseFence(lines, i, fence[2], fence[1].length, out);
  if (MD.htmlCommentOpen.test(line)) return skipComment(lines, i);
  if (MD.blockquote.test(line)) return parseQuote(lines, i, out);
  if (isTableStart(lines, i)) return parseTable(lines, i, out);
  if (MD.listItem.test(line)) return parseListItem(lines, i, out);
  return parseParagraph(lines, i, out);
}

function parseParagraph(lines: readonly string[], i: number, out: OutlineBuilder): number {
  const collected: string[] = [];
  let j = i;
  for (; j < lines.length; j++) {
    if (collected.length > 0) {
      // An underline turns the paragraph so far into a heading (setext); it wins over "---" as a rule.
      const underline = MD.setextUnderline.exec(lines[j]);
      if (underline) {
        out.heading(underline[1][0] === '=' ? 1 : 2, stripInline(joinLines(collected)));
        return j + 1;
      }
      if (MD.blank.test(lines[j]) || interruptsParagraph(lines[j])) break;
    }
    collected.push(lines[j]);
  }
  out.block('paragraph', stripInline(joinLines(collected)));
  return j;
}

function parseListItem(lines: readonly string[], i: number, out: OutlineBuilder): number {
  const collected = [MD.listItem.exec(lines[i])?.[3] ?? ''];
  let j = i + 1;
  while (j < lines.length && !MD.blank.test(lines[j]) && !interruptsParagraph(lines[j])) collected.push(lines[j++]);
  out.block('list-item', stripInline(joinLines(collected)));
  return j;
}

function parseFence(lines: readonly string[], i: number, fence: string, indent: number, out: OutlineBuilder): number {
  const body: string[] = [];
  let j = i + 1;
  // An unclosed fence runs to the end of the document, as CommonMark says.
  for (; j < lines.length && !closesFence(lines[j], fence); j++) body.push(lines[j].replace(new RegExp(`^ {0,${indent}}`), ''));
  out.block('code', body.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd());
  return j + 1;
}

function parseQuote(lines: readonly string[], i: number, out: OutlineBuilder): number {
  const inner: string[] = [];
  let j = i;
  for (; j < lines.length && MD.blockquote.test(lines[j]); j++) inner.push(lines[j].replace(MD.blockquote, ''));
  parseMarkdownBlocks(inner, out);
  return j;
}

function isTableStart(lines: readonly string[], i: number): boolean {
  const delimiter = lines[i + 1];
  return lines[i].includes('|') && delimiter !== undefined && delimiter.includes('|') && MD.tableDelimiter.test(delimiter);
}

function parseTable(lines: readonly string[], i: number, out: OutlineBuilder): number {
  const headers = tableCells(lines[i]);
  let j = i + 2;
  for (; j < lines.length && !MD.blank.test(lines[j]) && lines[j].includes('|'); j++) {
    out.block('table-row', labelledRow(headers, tableCells(lines[j])));
  }
  return j;
}

function skipComment(lines: readonly string[], i: number): number {
  let j = i;
  while (j < lines.length && !lines[j].includes('-->')) j++;
  return j + 1;
}

function joinLines(lines: readonly string[]): string {
  // A trailing backslash is a hard line break; the line break itself is kept.
  return lines.map((line) => line.trim().replace(/\\$/, '')).join('\n');
}
