import { DomUtils, parseDocument } from 'htmlparser2';
import { decodeText } from './decode-text';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { HtmlBlockWalker } from './html-block.walker';
import { type HtmlNode, inlineText } from './html-dom';
import { OutlineBuilder } from './outline.builder';

type HtmlDocument = ReturnType<typeof parseDocument>;

/** HTML: the main content only (site chrome and scripts dropped), headings give the outline. */
export function extractHtml(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const document = parseDocument(decodeText(bytes), { decodeEntities: true });
  const out = new OutlineBuilder(options.maxChars);
  const walker = new HtmlBlockWalker(out);
  for (const root of contentRoots(document)) walker.walk(root);
  const title = DomUtils.findOne((el) => el.name === 'title', document.children);
  return out.build(title ? inlineText(title) : undefined);
}

// A page that marks its main content tells us where the article is; everything else is chrome.
function contentRoots(document: HtmlDocument): HtmlNode[] {
  const main = DomUtils.findOne((el) => el.name === 'main' || el.attribs.role === 'main', document.children);
  if (main) return [main];
  const articles = DomUtils.findAll((el) => el.name === 'article', document.children);
  return articles.length > 0 ? DomUtils.removeSubsets(articles) : [document];
}
