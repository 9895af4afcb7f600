import type { ChatEvent, ChatTurnRequest, GroundingSource } from '../chat/chat-provider.types';
import { ASPIRIN_DOCUMENT as DOC, TEA_DOCUMENT as TEA, sourceOf } from '../grounding/grounding.fixtures';
import { NO_ANSWER_TEXT } from './answer-text';
import { ExtractiveAnswerer } from './extractive-answerer';

const first = sourceOf(DOC, 'Aspirin is one', 'in 1897.', { id: 1, chunkIndex: 0, score: 0.6 });
const second = sourceOf(DOC, 'Aspirin irreversibly', 'bleeding.', { id: 2, chunkIndex: 1, score: 0.9 });
const tea = sourceOf(TEA, 'Green tea', 'bitter.', { id: 3, title: 'Tea', documentId: '00000000-0000-4000-8000-000000000003', score: 0.2 });
const documents = new Map([[first.documentId, DOC], [tea.documentId, TEA]]);

function request(question: string, sources: readonly GroundingSource[], maxTokens?: number): ChatTurnRequest {
  return { messages: [{ role: 'user', content: question }], question, sources, maxTokens };
}

async function collect(question: string, sources: readonly GroundingSource[], maxTokens?: number) {
  const events: ChatEvent[] = [];
  for await (const event of await new ExtractiveAnswerer().stream(request(question, sources, maxTokens))) events.push(event);
  const tokens = events.filter((e) => e.type === 'token').map((e) => (e.type === 'token' ? e.text : ''));
  const done = events[events.length - 1];
  if (done.type !== 'done') throw new Error('last event is not done');
  return { text: tokens.join(''), tokens, done, citations: done.citations ?? [] };
}

describe('ExtractiveAnswerer', () => {
  it('answers from the supporting sentence with its offsets in the document', async () => {
    const { text, tokens, done, citations } = await collect('Which enzymes does aspirin inhibit?', [first, second, tea]);
    expect(done.finishReason).toBe('stop');
    expect(tokens.length).toBeGreaterThan(5);
    const quotes = citations.map((c) => c.quote);
    expect(quotes[0]).toBe('Aspirin irreversibly inhibits the cyclooxygenase enzymes COX-1 and COX-2 [12].');
    for (const c of citations) {
      const source = [first, second, tea].find((s) => s.id === c.sourceId)!;
      expect(documents.get(source.documentId)!.slice(c.start, c.end)).toBe(c.quote);
    }
    // The document's own "[12]" is not passed off as a citation marker.
    expect(text.startsWith('Aspirin irreversibly inhibits the cyclooxygenase enzymes COX-1 and COX-2 [2].')).toBe(true);
    expect(done.usage!.completionTokens).toBeGreaterThan(0);
  });

  it('cites only the sources it was given, and marks each sentence with its source', async () => {
    const { text, citations } = await collect('When did Hoffmann synthesize acetylsalicylic acid at Bayer?', [first, tea]);
    expect(citations.map((c) => c.sourceId)).toEqual([1]);
    expect(citations[0].quote).toBe('Felix Hoffmann synthesized acetylsalicylic acid at Bayer in 1897.');
    const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.every((id) => id === 1)).toBe(true);
    expect(markers).toHaveLength(citations.length);
  });

  it('declines plainly when the documents do not hold the answer', async () => {
    for (const question of ['How does aspirin affect the kidneys?', 'Who won the 1998 football world cup?']) {
      const { text, done, citations } = await collect(question, [first, second, tea]);
      expect(text).toBe(NO_ANSWER_TEXT);
      expect(done.finishReason).toBe('no_answer');
      expect(citations).toEqual([]);
    }
  });

  it('declines when there are no sources', async () => {
    const { text, done } = await collect('Which enzymes does aspirin inhibit?', []);
    expect([text, done.finishReason]).toEqual([NO_ANSWER_TEXT, 'no_answer']);
  });

  it('does not repeat a sentence that overlapping chunks both hold, nor a near-restatement', async () => {
    const overlap = sourceOf(DOC, 'Felix Hoffmann', 'readily.', { id: 4, chunkIndex: 1, score: 0.8 });
    const restated = { ...tea, id: 5, text: 'Aspirin inhibits the cyclooxygenase enzymes COX-1 and COX-2 irreversibly.', score: 0.7 };
    const { citations } = await collect('Which cyclooxygenase enzymes does aspirin inhibit?', [second, overlap, restated]);
    const normalized = citations.map((c) => c.quote.replace(/\W+/g, ' ').toLowerCase().split(' ').sort().join(' '));
    expect(citations.length).toBeGreaterThan(0);
    expect(new Set(citations.map((c) => c.quote)).size).toBe(citations.length);
    expect(citations.filter((c) => /inhibit/.test(c.quote))).toHaveLength(1);
    expect(new Set(normalized).size).toBe(normalized.length);
  });

  it('stitches a sentence with its neighbour in document order', async () => {
    const { citations } = await collect('How does aspirin block COX-1 in platelets and reduce blood clots?', [first, second]);
    expect(citations.map((c) => c.quote.slice(0, 20))).toEqual(['Aspirin irreversibly', 'Blocking COX-1 in pl']);
    expect(citations[0].end).toBeLessThan(citations[1].start);
  });

  it('opens with the source holding the best sentence, even when retrieval ranked it lower', async () => {
    const { citations } = await collect('Who synthesized acetylsalicylic acid, and which enzymes does aspirin inhibit?', [second, first]);
    expect(citations[0].quote).toMatch(/^Felix Hoffmann/);
    expect(citations.some((c) => c.sourceId === 2)).toBe(true);
  });

  it('answers when most question terms match even if a filler word does not occur', async () => {
    const { done, citations } = await collect('When was aspirin first synthesized?', [first, second, tea]);
    expect(done.finishReason).toBe('stop');
    expect(citations.map((c) => c.quote)).toContain('Felix Hoffmann synthesized acetylsalicylic acid at Bayer in 1897.');
  });

  it('keeps to maxTokens beyond the best sentence', async () => {
    const wide = await collect('How does aspirin block COX-1 in platelets and reduce blood clots?', [first, second]);
    const narrow = await collect('How does aspirin block COX-1 in platelets and reduce blood clots?', [first, second], 20);
    expect(narrow.citations.length).toBeLessThan(wide.citations.length);
    expect(narrow.citations.length).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic', async () => {
    const a = await collect('Which enzymes does aspirin inhibit?', [first, second, tea]);
    const b = await collect('Which enzymes does aspirin inhibit?', [first, second, tea]);
    expect(b).toEqual(a);
  });

  it('stops between tokens when the signal aborts', async () => {
    const controller = new AbortController();
    const stream = await new ExtractiveAnswerer().stream(request('Which enzymes does aspirin inhibit?', [second]), controller.signal);
    const seen: ChatEvent[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        seen.push(event);
        if (seen.length === 2) controller.abort(new Error('cancelled by user'));
      }
    })();
    await expect(reading).rejects.toThrow('cancelled by user');
    expect(seen).toHaveLength(2);
    expect(seen.every((e) => e.type === 'token')).toBe(true);
  });

  it('refuses to start on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(new ExtractiveAnswerer().stream(request('aspirin?', [second]), controller.signal)).rejects.toThrow('gone');
  });
});
