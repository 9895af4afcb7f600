import { extractDocument } from '@ragstream/rag';
import { fixture, readBlocks } from './extracted-blocks';

describe('plain text extraction', () => {
  it('splits paragraphs on blank lines, normalising CRLF and dropping the BOM', async () => {
    const bytes = Buffer.from('\uFEFFFirst line\r\nstill first  \r\n\r\n \r\n\r\nSecond\r\n');

    const document = await extractDocument(bytes, 'text');

    expect(document.text).toBe('First line\nstill first\n\nSecond');
    expect(readBlocks(document)).toEqual([
      { kind: 'paragraph', text: 'First line\nstill first', headingPath: [] },
      { kind: 'paragraph', text: 'Second', headingPath: [] },
    ]);
  });

  it('reads UTF-16 with a BOM and falls back to Windows-1252 for legacy text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße', 'utf16le')]);
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9]);

    expect((await extractDocument(utf16, 'text')).text).toBe('Grüße');
    expect((await extractDocument(latin1, 'text')).text).toBe('Café');
  });

  it('refuses binary data as corrupt', async () => {
    await expect(extractDocument(fixture('binary.bin'), 'text')).rejects.toMatchObject({
      code: 'DOCUMENT.CORRUPT',
      reason: 'the file looks like binary data, not text',
    });
  });

  it('refuses a document without text', async () => {
    await expect(extractDocument(Buffer.from(' \n\n '), 'text')).rejects.toMatchObject({ code: 'DOCUMENT.NO_TEXT' });
  });

  it('refuses text longer than maxChars', async () => {
    const bytes = Buffer.from('one\n\ntwo\n\nthree');

    await expect(extractDocument(bytes, 'text', { maxChars: 10 })).rejects.toMatchObject({ code: 'DOCUMENT.TOO_LARGE' });
    await expect(extractDocument(bytes, 'text', { maxChars: 15 })).resolves.toMatchObject({ text: 'one\n\ntwo\n\nthree' });
  });
});
