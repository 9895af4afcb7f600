import { extractDocument } from '@ragstream/rag';
import { fixture, readBlocks } from './extracted-blocks';

describe('HTML extraction', () => {
  it('keeps only the article, with headings, lists, tables and preformatted text', async () => {
    const document = await extractDocument(fixture('article.html'), 'html');

    const top = ['Event Sourcing & RAG'];
    const why = [...top, 'Why it helps'];
    expect(document.title).toBe('Event Sourcing & RAG');
    expect(document.text).toBe(
      'Event Sourcing & RAG\n\nEvery change is an event.\n\nWhy it helps\n\nReplay <everything>\n\nAudit trails\n\n' +
        'Loose div text\non two lines\n\nStore: Postgres; Role: events\n\nline one\n  indented two',
    );
    expect(readBlocks(document)).toEqual([
      { kind: 'heading', text: 'Event Sourcing & RAG', level: 1, headingPath: [] },
      { kind: 'paragraph', text: 'Every change is an event.', headingPath: top },
      { kind: 'heading', text: 'Why it helps', level: 2, headingPath: top },
      { kind: 'list-item', text: 'Replay <everything>', headingPath: why },
      { kind: 'list-item', text: 'Audit trails', headingPath: why },
      { kind: 'paragraph', text: 'Loose div text\non two lines', headingPath: why },
      { kind: 'table-row', text: 'Store: Postgres; Role: events', headingPath: why },
      { kind: 'code', text: 'line one\n  indented two', headingPath: why },
    ]);
  });

  it('reads the whole body without chrome when there is no main or article', async () => {
    const html =
      '<html><head><title> Plain </title></head><body><nav>Menu</nav><h2>Only</h2>' +
      '<p hidden>secret</p><section>Body <b>text</b></section><footer>Foot</footer></body></html>';

    const document = await extractDocument(Buffer.from(html), 'html');

    expect(document.title).toBe('Plain');
    expect(readBlocks(document)).toEqual([
      { kind: 'heading', text: 'Only', level: 2, headingPath: [] },
      { kind: 'paragraph', text: 'Body text', headingPath: ['Only'] },
    ]);
  });

  it('takes <main> over everything around it', async () => {
    const html = '<body><article>Teaser</article><main><p>Main text</p></main></body>';

    const document = await extractDocument(Buffer.from(html), 'html');

    expect(document.text).toBe('Main text');
    expect(document.title).toBeUndefined();
  });
});
