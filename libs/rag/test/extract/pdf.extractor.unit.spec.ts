import { extractDocument } from '@ragstream/rag';
import { buildPdf } from '../fixtures/make-pdf';
import { fixture, readBlocks } from './extracted-blocks';

describe('PDF extraction', () => {
  it('rebuilds paragraphs per page, each anchored to its page', async () => {
    const document = await extractDocument(fixture('two-pages.pdf'), 'pdf');

    expect(document.title).toBe('Ragstream Guide');
    expect(document.pageCount).toBe(2);
    expect(readBlocks(document)).toEqual([
      { kind: 'paragraph', text: 'Ragstream overview', page: 1, headingPath: [] },
      {
        kind: 'paragraph',
        text: 'Every change is an event appended to a stream, and read models are projections rebuilt from them.',
        page: 1,
        headingPath: [],
      },
      {
        kind: 'paragraph',
        text: 'Chunks cite the page they came from, so an answer can point back to it.',
        page: 2,
        headingPath: [],
      },
    ]);
  });

  it('refuses a damaged PDF as corrupt', async () => {
    await expect(extractDocument(fixture('corrupt.pdf'), 'pdf')).rejects.toMatchObject({
      code: 'DOCUMENT.CORRUPT',
      reason: expect.stringContaining('damaged'),
    });
  });

  it('refuses a password-protected PDF as corrupt, saying why', async () => {
    await expect(extractDocument(fixture('encrypted.pdf'), 'pdf')).rejects.toMatchObject({
      code: 'DOCUMENT.CORRUPT',
      reason: 'the PDF is encrypted with a password; upload an unprotected copy',
    });
  });

  it('refuses a PDF without a text layer', async () => {
    await expect(extractDocument(buildPdf([[], []]), 'pdf')).rejects.toMatchObject({
      code: 'DOCUMENT.NO_TEXT',
      reason: 'the PDF has no text layer; scanned PDFs need OCR, which is not supported',
    });
  });
});
