import type { GroundingSource } from '@ragstream/llm';
import { citeAnswer, finishReasonOf } from './answer-data';

const source = (id: number, text: string): GroundingSource => ({
  id,
  documentId: `00000000-0000-4000-8000-00000000000${id}`,
  revision: 1,
  chunkIndex: 0,
  title: `Doc ${id}`,
  text,
  start: 100,
  end: 100 + text.length,
  page: null,
  pageEnd: null,
  startMs: null,
  endMs: null,
  headingPath: [],
  score: 1,
});

describe('citeAnswer', () => {
  const sources = [source(1, 'Pumps cavitate when the inlet pressure drops.'), source(2, 'Inspect the impeller every 500 hours.')];

  it('cites each [n] that names a source, quoting it at its place in the document', () => {
    const { content, citations } = citeAnswer('They cavitate when inlet pressure drops [1].', sources);
    expect(content).toBe('They cavitate when inlet pressure drops [1].');
    expect(citations).toEqual([expect.objectContaining({ sourceId: 1, documentId: sources[0].documentId, quote: sources[0].text, anchor: expect.objectContaining({ start: 100 }) })]);
  });

  it('drops markers that name no source, from the text and the citations', () => {
    const { content, citations } = citeAnswer('Pressure drops [1, 9]. Nobody knows [7].', sources);
    expect(content).toBe('Pressure drops [1]. Nobody knows.');
    expect(citations.map((c) => c.sourceId)).toEqual([1]);
  });

  it("keeps a provider's own citations when it made them", () => {
    const { citations } = citeAnswer('Inspect the impeller every 500 hours [2].', sources, [{ sourceId: 2, quote: 'every 500 hours', start: 120, end: 135 }]);
    expect(citations).toEqual([expect.objectContaining({ sourceId: 2, quote: 'every 500 hours', anchor: expect.objectContaining({ start: 120, end: 135 }) })]);
  });
});

describe('finishReasonOf', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['no_answer', 'no_answer'],
    ['tool_calls', 'stop'],
    ['something_new', 'stop'],
  ])('%s -> %s', (given, recorded) => expect(finishReasonOf(given)).toBe(recorded));
});
