import type { ExtractedDocument, TextBlock } from '../extract/extracted-document';
import { CHUNKER_VERSION, chunkingFingerprint, type Chunk } from './chunk';
import { chunkDocument } from './chunk-document';
import { estimateTokens } from './token-estimate';

type BlockSpec = { kind: TextBlock['kind']; text: string; level?: number; page?: number; startMs?: number; endMs?: number };

/** Lays blocks out as an extractor would: blank-line separated, heading paths of enclosing headings. */
function docOf(specs: BlockSpec[], title?: string): ExtractedDocument {
  let text = '';
  const blocks: TextBlock[] = [];
  const open: { level: number; text: string }[] = [];
  for (const { text: body, ...spec } of specs) {
    if (text) text += '\n\n';
    if (spec.kind === 'heading') while (open.length && open[open.length - 1].level >= spec.level!) open.pop();
    blocks.push({ ...spec, start: text.length, end: text.length + body.length, headingPath: open.map((h) => h.text) });
    if (spec.kind === 'heading') open.push({ level: spec.level!, text: body });
    text += body;
  }
  return { text, blocks, ...(title && { title }) };
}

const sentence = (i: number) => `Sentence number ${i} says something about cells and mice.`; // 10 tokens
const paragraph = (from: number, count: number) => Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');
const para = (text: string, extra: Partial<BlockSpec> = {}): BlockSpec => ({ kind: 'paragraph', text, ...extra });
const heading = (text: string, level: number): BlockSpec => ({ kind: 'heading', text, level });

function expectWellFormed(doc: ExtractedDocument, chunks: Chunk[], maxTokens: number): void {
  chunks.forEach((chunk, i) => {
    expect(chunk.index).toBe(i);
    expect(chunk.text).toBe(doc.text.slice(chunk.start, chunk.end));
    expect(chunk.tokenCount).toBe(estimateTokens(chunk.text));
    expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens);
  });
}

describe('chunkDocument', () => {
  it('packs whole paragraphs up to the budget, offsets slicing to the text', () => {
    const doc = docOf([para(paragraph(0, 3)), para(paragraph(3, 3)), para(paragraph(6, 3))]);
    const chunks = chunkDocument(doc, { maxTokens: 64, overlapRatio: 0 });
    expectWellFormed(doc, chunks, 64);
    expect(chunks.map((c) => c.text)).toEqual([`${paragraph(0, 3)}\n\n${paragraph(3, 3)}`, paragraph(6, 3)]);
  });

  it('splits an oversize paragraph at sentence boundaries and carries whole sentences over', () => {
    const doc = docOf([para(paragraph(0, 30))]);
    const chunks = chunkDocument(doc, { maxTokens: 64, overlapRatio: 0.2 });
    expectWellFormed(doc, chunks, 64);
    expect(chunks.length).toBeGreaterThan(4);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i].start).toBeLessThan(chunks[i - 1].end);
      // The overlap is a whole sentence: the previous chunk ends with exactly that text.
      const shared = doc.text.slice(chunks[i].start, chunks[i - 1].end);
      expect(shared).toMatch(/^Sentence number \d+ .*\.$/);
      expect(chunks[i].text).toMatch(/\.$/);
    }
    expect(chunks[chunks.length - 1].end).toBe(doc.text.length);
  });

  it('cuts a sentence longer than the budget between words', () => {
    const doc = docOf([para(Array.from({ length: 150 }, (_, i) => `word${i}`).join(' '))]);
    const chunks = chunkDocument(doc, { maxTokens: 40 });
    expectWellFormed(doc, chunks, 40);
    expect(chunks.map((c) => c.text).join(' ')).toBe(doc.text);
  });

  it('never merges top-level sections, and heading paths name the section', () => {
    const doc = docOf([heading('Guide', 1), heading('Install', 2), para('Run the installer.'), heading('Usage', 2), para('Call the tool.')], 'Guide');
    const chunks = chunkDocument(doc);
    expectWellFormed(doc, chunks, 384);
    expect(chunks.map((c) => [c.text, c.headingPath])).toEqual([
      ['Guide\n\nInstall\n\nRun the installer.', ['Guide', 'Install']],
      ['Usage\n\nCall the tool.', ['Guide', 'Usage']],
    ]);
  });

  it('merges small sub-sections but starts a new chunk at a sub-heading once the chunk is big enough', () => {
    const small = docOf([heading('A', 2), heading('A1', 3), para('Tiny one.'), heading('A2', 3), para('Tiny two.'), heading('B', 2), para('Bee.')]);
    expect(chunkDocument(small).map((c) => c.headingPath)).toEqual([['A'], ['B']]);
    const big = docOf([heading('A', 2), heading('A1', 3), para(paragraph(0, 4)), heading('A2', 3), para(paragraph(4, 4)), heading('B', 2), para('Bee.')]);
    const chunks = chunkDocument(big, { maxTokens: 200, minTokens: 30 });
    expect(chunks.map((c) => [c.text.split('\n')[0], c.headingPath])).toEqual([
      ['A', ['A', 'A1']],
      ['A2', ['A', 'A2']],
      ['B', ['B']],
    ]);
  });

  it('does not carry overlap across a heading', () => {
    const doc = docOf([heading('One', 2), para(paragraph(0, 5)), heading('Two', 2), para(paragraph(5, 5))]);
    const [first, second] = chunkDocument(doc, { maxTokens: 64, overlapRatio: 0.3 });
    expect(second.start).toBeGreaterThan(first.end);
    expect(second.text.startsWith('Two')).toBe(true);
  });

  it('keeps transcript cues whole, with the first cue start and the last cue end', () => {
    const cues = Array.from({ length: 12 }, (_, i) => ({ kind: 'cue' as const, text: sentence(i), startMs: i * 1000, endMs: i * 1000 + 900 }));
    const doc = docOf(cues);
    const chunks = chunkDocument(doc, { maxTokens: 32, overlapRatio: 0 });
    expectWellFormed(doc, chunks, 32);
    expect(chunks.map((c) => [c.startMs, c.endMs])).toEqual([
      [0, 2900],
      [3000, 5900],
      [6000, 8900],
      [9000, 11900],
    ]);
  });

  it('reports the first and last page of a chunk', () => {
    const doc = docOf([para(paragraph(0, 2), { page: 1 }), para(paragraph(2, 2), { page: 2 }), para(paragraph(4, 4), { page: 3 })]);
    const chunks = chunkDocument(doc, { maxTokens: 48, overlapRatio: 0 });
    expect(chunks.map((c) => [c.page, c.pageEnd])).toEqual([
      [1, 2],
      [3, 3],
    ]);
    expect(chunks[0]).not.toHaveProperty('startMs');
  });

  it('chunks text without blocks and returns nothing for blank text', () => {
    expect(chunkDocument({ text: 'Just text.', blocks: [] })).toMatchObject([{ text: 'Just text.', start: 0, end: 10, headingPath: [] }]);
    expect(chunkDocument({ text: '  \n', blocks: [] })).toEqual([]);
  });

  it('treats headings as content when a document has nothing else', () => {
    const doc = docOf([heading('Only', 1), heading('Headings', 2)]);
    expect(chunkDocument(doc).map((c) => c.text)).toEqual(['Only\n\nHeadings']);
  });

  it('names its version and the options in the fingerprint', () => {
    expect(chunkingFingerprint({ maxTokens: 256 })).toBe(`${CHUNKER_VERSION}/max256/overlap30/min64`);
    expect(() => chunkDocument(docOf([para('x')]), { maxTokens: 4 })).toThrow(RangeError);
  });
});
