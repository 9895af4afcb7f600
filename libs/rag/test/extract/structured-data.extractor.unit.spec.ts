import { extractDocument } from '@ragstream/rag';
import { fixture, readBlocks } from './extracted-blocks';

describe('JSON extraction', () => {
  it('writes "path: value" lines, one block per top-level entry', async () => {
    const document = await extractDocument(fixture('catalog.json'), 'json');

    expect(readBlocks(document)).toEqual([
      { kind: 'paragraph', text: 'name: Ragstream', headingPath: [] },
      { kind: 'paragraph', text: 'version: 2', headingPath: [] },
      {
        kind: 'paragraph',
        text: 'owner.team: search\nowner.contact.email: search@example.com',
        headingPath: [],
      },
      { kind: 'paragraph', text: 'tags[0]: rag\ntags[1]: events', headingPath: [] },
      { kind: 'paragraph', text: 'archived: false', headingPath: [] },
      { kind: 'paragraph', text: 'notes: null', headingPath: [] },
    ]);
  });

  it('makes one block per element of a top-level array', async () => {
    const document = await extractDocument(Buffer.from('[{"q": "a?", "tags": ["x"]}, "loose"]'), 'json');

    expect(readBlocks(document).map((block) => block.text)).toEqual(['q: a?\ntags[0]: x', 'loose']);
  });

  it('refuses invalid JSON with the line, column and position of the error', async () => {
    await expect(extractDocument(fixture('broken.json'), 'json')).rejects.toMatchObject({
      code: 'DOCUMENT.CORRUPT',
      reason: 'invalid JSON at line 2, column 12 (position 18)',
    });
  });
});

describe('CSV extraction', () => {
  it('labels every row with the header, keeping quoted commas, newlines and quotes', async () => {
    const document = await extractDocument(fixture('people.csv'), 'csv');

    expect(document.text).toBe(
      'name: Smith, Jane; city: Berlin; quote: She said "hi"\nname: Bob; city: New York\nname: Ada; city: London; quote: plain',
    );
    expect(readBlocks(document)).toEqual([
      { kind: 'table-row', text: 'name: Smith, Jane; city: Berlin; quote: She said "hi"', row: 1, headingPath: [] },
      { kind: 'table-row', text: 'name: Bob; city: New York', row: 2, headingPath: [] },
      { kind: 'table-row', text: 'name: Ada; city: London; quote: plain', row: 3, headingPath: [] },
    ]);
  });

  it('reads tab-separated values', async () => {
    const document = await extractDocument(fixture('people.tsv'), 'csv');

    expect(readBlocks(document).map((block) => block.text)).toEqual([
      'name: Jane; city: Berlin',
      'name: Bob; city: Paris',
    ]);
  });

  it('refuses an unterminated quoted field', async () => {
    await expect(extractDocument(Buffer.from('a,b\n1,"open\n2,3\n'), 'csv')).rejects.toMatchObject({
      code: 'DOCUMENT.CORRUPT',
      reason: 'unterminated quoted field starting at line 2',
    });
  });
});
