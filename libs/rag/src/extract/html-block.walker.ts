import { DomUtils } from 'htmlparser2';
import { collapseWhitespace, type HtmlNode, inlineText, isDropped, preformattedText } from './html-dom';
import { emitTable } from './html-table';
import type { OutlineBuilder } from './outline.builder';

type FlowKind = 'paragraph' | 'list-item';

// Elements that end the running paragraph; anything else is inline and adds to it.
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'hgroup', 'hr', 'html', 'main', 'ol', 'p', 'section', 'summary', 'ul',
]);

/** Turns a DOM subtree into blocks: text accumulates until a block element boundary flushes it. */
export class HtmlBlockWalker {
  private buffer = '';

  constructor(private readonly out: OutlineBuilder) {}

  walk(root: HtmlNode): void {
    this.visitChildren(root, 'paragraph');
    this.flush('paragraph');
  }

  private visitChildren(node: HtmlNode, kind: FlowKind): void {
    for (const child of DomUtils.getChildren(node)) this.visit(child, kind);
  }

  private visit(node: HtmlNode, kind: FlowKind): void {
    if (DomUtils.isText(node)) this.buffer += node.data.replace(/\s+/g, ' ');
    if (!DomUtils.isTag(node) || isDropped(node)) return;
    const name = node.name;
    if (name === 'br') {
      this.buffer += '\n';
    } else if (/^h[1-6]$/.test(name)) {
      this.flush(kind);
      this.out.heading(Number(name[1]), inlineText(node));
    } else if (name === 'pre') {
      this.flush(kind);
      this.out.block('code', preformattedText(node));
    } else if (name === 'table') {
      this.flush(kind);
      emitTable(node, this.out);
    } else if (name === 'li' || BLOCK.has(name)) {
      // Paragraphs inside a list item still belong to the item.
      const inner = name === 'li' ? 'list-item' : kind;
      this.flush(kind);
      this.visitChildren(node, inner);
      this.flush(inner);
    } else {
      this.visitChildren(node, kind);
    }
  }

  private flush(kind: FlowKind): void {
    this.out.block(kind, collapseWhitespace(this.buffer));
    this.buffer = '';
  }
}
