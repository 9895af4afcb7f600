import { Citation } from '@ragstream/contracts';
import { toCitationRecords } from './citation-records';
import { citationsFromAnswer } from './citations-from-answer';
import { sourceOf } from './grounding.fixtures';

// A transcript chunk whose cues are one sentence each, 10 s apart.
const CUES = ['Welcome to the lecture.', 'Aspirin inhibits COX-1 in platelets.', 'That is why it thins the blood.'];
const TRANSCRIPT = `Intro music. ${CUES.join(' ')}`;
const lecture = sourceOf(TRANSCRIPT, 'Welcome', 'blood.', { id: 1, startMs: 30_000, endMs: 60_000, headingPath: ['Week 1'] });
const paper = sourceOf(TRANSCRIPT, 'Aspirin', 'platelets.', { id: 2, documentId: '00000000-0000-4000-8000-000000000002', page: 5, pageEnd: 5 });
const cues = CUES.map((text, i) => {
  const start = TRANSCRIPT.indexOf(text);
  return { start, end: start + text.length, startMs: 30_000 + i * 10_000, endMs: 40_000 + i * 10_000 };
});

describe('toCitationRecords', () => {
  it('builds valid Citation events that point at the cited chunk and sentence', () => {
    const { citations } = citationsFromAnswer('Aspirin inhibits COX-1 [2].', [lecture, paper]);
    const [record] = toCitationRecords(citations, [lecture, paper]);
    expect(Citation.parse(record)).toEqual(record);
    expect(record).toMatchObject({ sourceId: 2, documentId: paper.documentId, revision: 1, chunkIndex: 0, quote: 'Aspirin inhibits COX-1 in platelets.' });
    expect(record.anchor).toEqual({ start: paper.start, end: paper.end, page: 5, pageEnd: 5, startMs: null, endMs: null, headingPath: [] });
  });

  it('narrows a transcript citation to the cues of the quoted sentence', () => {
    const { citations } = citationsFromAnswer('It thins the blood [1].', [lecture]);
    const [record] = toCitationRecords(citations, [lecture], { cues: (source) => (source.id === 1 ? cues : undefined) });
    expect(record.quote).toBe('That is why it thins the blood.');
    expect([record.anchor.startMs, record.anchor.endMs]).toEqual([cues[2].startMs, cues[2].endMs]);
    expect(record.anchor.headingPath).toEqual(['Week 1']);
  });

  it("keeps the chunk's times when no cues are known", () => {
    const { citations } = citationsFromAnswer('It thins the blood [1].', [lecture]);
    const [record] = toCitationRecords(citations, [lecture]);
    expect([record.anchor.startMs, record.anchor.endMs]).toEqual([lecture.startMs, lecture.endMs]);
  });

  it('leaves out citations of sources it was not given', () => {
    const records = toCitationRecords([{ sourceId: 4, quote: 'x', start: 0, end: 1 }, { sourceId: 1, quote: 'Welcome to the lecture.', start: lecture.start, end: lecture.start + 23 }], [lecture]);
    expect(records.map((r) => r.sourceId)).toEqual([1]);
  });
});
