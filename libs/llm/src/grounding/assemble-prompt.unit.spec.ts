import type { GroundingSource } from '../chat/chat-provider.types';
import { assemblePrompt, countPrompt } from './assemble-prompt';
import { ASPIRIN_DOCUMENT as DOC, countWords, sourceOf } from './grounding.fixtures';
import { MESSAGE_OVERHEAD_TOKENS } from './history-condenser';
import type { HistoryTurn, PromptBudget } from './prompt.types';

const chunkA = sourceOf(DOC, 'Aspirin irreversibly', 'readily.', { id: 7, title: 'Pharmacology', page: 3, pageEnd: 4, score: 0.9 });
const chunkB = sourceOf(DOC, 'Felix Hoffmann', 'in 1897.', { id: 3, title: 'History', score: 0.7 });
const chunkC = sourceOf(DOC, 'Common side effects', 'bleeding.', { id: 9, title: 'Lecture', startMs: 62_000, endMs: 90_500, score: 0.5 });
const question = 'Which enzymes does aspirin inhibit?';

function assemble(budget: PromptBudget, history: readonly HistoryTurn[] = [], sources: readonly GroundingSource[] = [chunkA, chunkB, chunkC]) {
  return assemblePrompt({ question, sources, history, budget, countTokens: countWords });
}

function turns(count: number): HistoryTurn[] {
  return Array.from({ length: count }, (_, i) => [
    { role: 'user' as const, content: `Question number ${i} about topic ${i}?` },
    { role: 'assistant' as const, content: `Answer ${i} says the topic ${i} matters [1]. It goes on at some length about details of topic ${i}.` },
  ]).flat();
}

describe('assemblePrompt', () => {
  it('numbers the sources 1..n in prompt order, with titles, pages and times', () => {
    const { messages, sources } = assemble({ contextTokens: 4000, answerTokens: 500 });
    expect(sources.map((s) => [s.id, s.title])).toEqual([[1, 'Pharmacology'], [2, 'History'], [3, 'Lecture']]);
    const system = messages[0].content;
    expect(messages[0].role).toBe('system');
    expect(system).toMatch(/cite .* as \[n\]/);
    expect(system).toContain('[1] Pharmacology (pp. 3-4)\nAspirin irreversibly');
    expect(system).toContain('[2] History\nFelix Hoffmann');
    expect(system).toContain('[3] Lecture (1:02-1:30)\nCommon side effects');
    expect(messages[messages.length - 1]).toEqual({ role: 'user', content: question });
  });

  it('drops sources from the lowest-ranked end and stays within the budget', () => {
    const all = assemble({ contextTokens: 4000, answerTokens: 500 });
    const budget = { contextTokens: all.promptTokens - 5 + 500, answerTokens: 500, minSourceTokens: 10 };
    const tight = assemble(budget);
    expect(tight.sources.map((s) => s.title)).toEqual(['Pharmacology', 'History']);
    expect(tight.promptTokens).toBeLessThanOrEqual(budget.contextTokens - budget.answerTokens);
    expect(tight.promptTokens).toBe(countPrompt(tight.messages, countWords));
  });

  it('keeps the best source, cut at a sentence end with consistent offsets, when none fits whole', () => {
    const whole = assemble({ contextTokens: 4000, answerTokens: 0 }, [], [chunkA]);
    // Room for the heading and the first sentence, not for the second.
    const budget = { contextTokens: whole.promptTokens - 8, answerTokens: 0 };
    const { sources, promptTokens } = assemble(budget);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ id: 1, title: 'Pharmacology', start: chunkA.start });
    expect(sources[0].text.length).toBeLessThan(chunkA.text.length);
    expect(sources[0].text).toMatch(/\.$/);
    expect(DOC.slice(sources[0].start, sources[0].end)).toBe(sources[0].text);
    expect(promptTokens).toBeLessThanOrEqual(budget.contextTokens);
  });

  it('keeps a short history verbatim, without the old turns\' citation markers', () => {
    const history = turns(2);
    const { messages, historyCondensed } = assemble({ contextTokens: 4000, answerTokens: 500 }, history);
    expect(historyCondensed).toBe(false);
    expect(messages.slice(1, -1).map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(messages[2].content).toBe('Answer 0 says the topic 0 matters. It goes on at some length about details of topic 0.');
    expect(messages[0].content).not.toContain('Earlier in this conversation');
  });

  it('condenses the oldest turns when history runs long, keeping the recent ones verbatim', () => {
    const history = turns(12);
    const budget = { contextTokens: 4000, answerTokens: 500, historyTokens: 150 };
    const { messages, historyCondensed, promptTokens } = assemble(budget, history);
    const verbatim = messages.slice(1, -1);
    expect(historyCondensed).toBe(true);
    expect(verbatim.length).toBeGreaterThan(0);
    expect(verbatim.length).toBeLessThan(history.length);
    expect(verbatim[0].role).toBe('user');
    expect(verbatim[verbatim.length - 1].content).toBe(history[history.length - 1].content.replace(' [1]', ''));
    const system = messages[0].content;
    expect(system).toContain('Earlier in this conversation:');
    const oldestKept = history.length - verbatim.length - 2;
    expect(system).toContain(`- Asked: Question number ${oldestKept / 2} about topic ${oldestKept / 2}? Answered: Answer ${oldestKept / 2} says the topic ${oldestKept / 2} matters.`);
    expect(system).not.toContain('It goes on at some length');
    const historyTokens = verbatim.reduce((sum, m) => sum + countWords(m.content) + MESSAGE_OVERHEAD_TOKENS, 0) + countWords(system.slice(system.indexOf('Earlier'), system.indexOf('Sources:')));
    expect(historyTokens).toBeLessThanOrEqual(150);
    expect(promptTokens).toBeLessThanOrEqual(3500);
  });

  it('says when there are no sources', () => {
    const { messages, sources } = assemble({ contextTokens: 1000, answerTokens: 100 }, [], []);
    expect(sources).toEqual([]);
    expect(messages[0].content).toContain('Sources: none were found for this question.');
  });

  it('refuses a budget that cannot hold the instructions and the question', () => {
    expect(() => assemble({ contextTokens: 40, answerTokens: 20 })).toThrow(RangeError);
  });
});
