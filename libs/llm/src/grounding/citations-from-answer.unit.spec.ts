import { citationsFromAnswer } from './citations-from-answer';
import { ASPIRIN_DOCUMENT as DOC, TEA_DOCUMENT as TEA, sourceOf } from './grounding.fixtures';
import { dropCitationIds } from './text/citation-markers';

const aspirin = sourceOf(DOC, 'Aspirin irreversibly', 'bleeding.', { id: 1 });
const history = sourceOf(DOC, 'Aspirin is one', 'in 1897.', { id: 2 });
const tea = sourceOf(TEA, 'Green tea', 'bitter.', { id: 3, documentId: '00000000-0000-4000-8000-000000000003' });
const sources = [aspirin, history, tea];
const documentOf = (sourceId: number) => (sourceId === 3 ? TEA : DOC);

describe('citationsFromAnswer', () => {
  it('quotes the source sentence that best matches the marked sentence, with document offsets', () => {
    const { citations, unknownMarkers } = citationsFromAnswer('It blocks thromboxane A2 in platelets, so blood clots less [1].', sources);
    expect(unknownMarkers).toEqual([]);
    expect(citations).toHaveLength(1);
    expect(citations[0].quote).toBe('Blocking COX-1 in platelets reduces thromboxane A2, so blood clots less readily.');
    expect(DOC.slice(citations[0].start, citations[0].end)).toBe(citations[0].quote);
  });

  it('reads [n, m] and [n][m] markers', () => {
    const answer = 'Aspirin, first made by Hoffmann in 1897, inhibits COX enzymes [1, 2]. Tea is brewed at 80 degrees [3]. Hoffmann made acetylsalicylic acid, which inhibits cyclooxygenase [2][1].';
    const { citations } = citationsFromAnswer(answer, sources);
    expect(citations.map((c) => [c.sourceId, c.quote.slice(0, 16)])).toEqual([
      [1, 'Aspirin irrevers'],
      [2, 'Felix Hoffmann s'],
      [3, 'Brewing at 80 de'],
    ]);
    for (const c of citations) expect(documentOf(c.sourceId).slice(c.start, c.end)).toBe(c.quote);
  });

  it('drops and reports markers that name no retrieved source', () => {
    const answer = 'Aspirin inhibits COX-1 [1, 7]. Bleeding is a side effect [12].';
    const { citations, unknownMarkers } = citationsFromAnswer(answer, sources);
    expect(unknownMarkers).toEqual([7, 12]);
    expect(citations.every((c) => sources.some((s) => s.id === c.sourceId))).toBe(true);
    expect(dropCitationIds(answer, unknownMarkers)).toBe('Aspirin inhibits COX-1 [1]. Bleeding is a side effect.');
  });

  it('cites the same passage once however often it is marked', () => {
    const answer = 'Aspirin inhibits COX-1 and COX-2 [1]. Again: aspirin inhibits the COX enzymes [1]. It reduces clotting [1].';
    const { citations } = citationsFromAnswer(answer, sources);
    const keys = citations.map((c) => `${c.sourceId}:${c.start}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(citations).toHaveLength(2);
  });

  it('gives a marker that opens a sentence to the sentence before it', () => {
    const { citations } = citationsFromAnswer('Hoffmann synthesized it at Bayer. [2] Later work followed.', sources);
    expect(citations.map((c) => c.quote)).toEqual(['Felix Hoffmann synthesized acetylsalicylic acid at Bayer in 1897.']);
  });

  it('quotes the whole chunk when the marked sentence shares no word with it', () => {
    const { citations } = citationsFromAnswer('Ceci est une paraphrase [3].', sources);
    expect(citations[0]).toMatchObject({ sourceId: 3, quote: tea.text, start: tea.start, end: tea.end });
  });
});
