import { DomUtils } from 'htmlparser2';

/** A DOM node from htmlparser2 (domhandler's AnyNode), named without a direct domhandler import. */
export type HtmlNode = Parameters<typeof DomUtils.getChildren>[0];
/** An element node. */
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];

// Chrome, scripts and interactive widgets: none of it is the document's content.
const DROPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside',
  'form', 'iframe', 'button', 'select', 'textarea', 'canvas', 'object', 'embed', 'dialog',
]);

/** True for elements whose text never belongs in the extracted content. */
export function isDropped(node: HtmlElement): boolean {
  return DROPPED.has(node.name) || 'hidden' in node.attribs || node.attribs['aria-hidden'] === 'true';
}

/** HTML whitespace rules: runs collapse to one space, explicit breaks (`\n` from <br>) survive. */
export function collapseWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Text of an element as a reader sees it on one line (headings, table cells). */
export function inlineText(node: HtmlNode): string {
  return collapseWhitespace(rawText(node, false));
}

/** Text of a <pre>: whitespace kept, the newline right after the opening tag dropped as HTML does. */
export function preformattedText(node: HtmlNode): string {
  return rawText(node, true).replace(/^\n/, '').trimEnd();
}

function rawText(node: HtmlNode, preserve: boolean): string {
  if (DomUtils.isText(node)) return preserve ? node.data : node.data.replace(/\s+/g, ' ');
  if (!DomUtils.isTag(node) || isDropped(node)) return '';
  if (node.name === 'br') return '\n';
  const inner = node.children.map((child) => rawText(child, preserve)).join('');
  // Cells and headings may hold blocks; a space keeps their words apart.
  return preserve || !/^(p|div|li|td|th|tr)$/.test(node.name) ? inner : ` ${inner} `;
}
