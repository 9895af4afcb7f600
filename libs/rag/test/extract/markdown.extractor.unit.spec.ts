import { extractDocument } from '@ragstream/rag';
import { fixture, readBlocks } from './extracted-blocks';

describe('Markdown extraction', () => {
  it('turns headings into blocks and a heading path, and strips inline syntax', async () => {
    const document = await extractDocument(fixture('guide.md'), 'markdown');

    const guide = ['Ragstream Guide'];
    const ingest = [...guide, 'Ingest'];
    const limits = [...ingest, 'Limits'];
    expect(document.title).toBe('Ragstream Guide');
    expect(readBlocks(document)).toEqual([
      { kind: 'heading', text: 'Ragstream Guide', level: 1, headingPath: [] },
      {
        kind: 'paragraph',
        text: 'Ragstream keeps every change as an event and serves answers with citations.',
        headingPath: guide,
      },
      { kind: 'heading', text: 'Ingest', level: 2, headingPath: guide },
      { kind: 'paragraph', text: 'Upload a file or a URL.\nThe text is split into chunks.', headingPath: ingest },
      { kind: 'list-item', text: 'Markdown and HTML', headingPath: ingest },
      { kind: 'list-item', text: 'PDF with page icon pages\ncontinued on a second line', headingPath: ingest },
      { kind: 'heading', text: 'Limits', level: 3, headingPath: ingest },
      { kind: 'code', text: 'const maxBytes = 25 * 1024 * 1024; // **not** emphasis', headingPath: limits },
      { kind: 'table-row', text: 'Format: PDF; Max size: 25 MB', headingPath: limits },
      { kind: 'table-row', text: 'Format: CSV', headingPath: limits },
      // Setext heading: a level-2 heading closes "Ingest" and "Limits".
      { kind: 'heading', text: 'Querying', level: 2, headingPath: guide },
      { kind: 'paragraph', text: 'Answers cite chunk_id values.', headingPath: [...guide, 'Querying'] },
      {
        kind: 'paragraph',
        text: 'Use snake_case_names freely; escaped *stars* stay.',
        headingPath: [...guide, 'Querying'],
      },
    ]);
    expect(document.text).toContain('citations.\n\nIngest\n\n');
  });

  it('keeps an unclosed fence as code to the end and ignores thematic breaks', async () => {
    const bytes = Buffer.from('Intro\n\n***\n\n~~~\ncode line\n\n  indented\n');

    const document = await extractDocument(bytes, 'markdown');

    expect(readBlocks(document)).toEqual([
      { kind: 'paragraph', text: 'Intro', headingPath: [] },
      { kind: 'code', text: 'code line\n\n  indented', headingPath: [] },
    ]);
  });
});
