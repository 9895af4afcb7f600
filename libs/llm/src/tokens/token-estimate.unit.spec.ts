import { estimatePromptTokens } from './prompt-tokens';
import { estimateTokens } from './token-estimate';

// Reference counts are cl100k_base's for inputs whose split follows from its pre-tokenizer (common words, digits,
// contractions, kana) and from OpenAI's cookbook; the estimator matches those exactly. For free prose there is
// no exact target: it is checked against OpenAI's rule of thumb (about 0.75 words, 4 characters, per token).
describe('estimateTokens', () => {
  it.each([
    ['hello world', 2],
    ['The quick brown fox jumps over the lazy dog.', 10],
    ['2 + 2 = 4', 7],
    ['123456789', 3],
    ["I can't do it, he'll say.", 10],
    ['お誕生日おめでとう', 9],
    ['antidisestablishmentarianism', 6],
    ['', 0],
  ])('%j is about %i tokens', (text, expected) => {
    expect(estimateTokens(text)).toBe(expected);
  });

  it('lands English prose within 1.1-1.5 tokens per word and 3.5-5 characters per token', () => {
    const prose =
      'Retrieval-augmented generation combines a search index with a language model. The retriever finds the passages ' +
      'most likely to answer the question, and the model writes an answer grounded in them, citing each source it used. ' +
      "When the sources don't hold the answer, the assistant says so instead of guessing; that is what makes it trustworthy.";
    const tokens = estimateTokens(prose);
    const words = prose.split(/\s+/).length;
    expect(tokens / words).toBeGreaterThanOrEqual(1.1);
    expect(tokens / words).toBeLessThanOrEqual(1.5);
    expect(prose.length / tokens).toBeGreaterThanOrEqual(3.5);
    expect(prose.length / tokens).toBeLessThanOrEqual(5);
  });

  it('counts long rare words and whitespace runs as several pieces, deterministically', () => {
    expect(estimateTokens('pneumonoultramicroscopicsilicovolcanoconiosis')).toBeGreaterThan(5);
    expect(estimateTokens(' '.repeat(64))).toBe(4);
    expect(estimateTokens('same text twice')).toBe(estimateTokens('same text twice'));
  });
});

describe('estimatePromptTokens', () => {
  it('adds 4 tokens of framing per message and 3 for the reply', () => {
    const messages = [
      { role: 'system' as const, content: 'hello world' },
      { role: 'user' as const, content: 'The quick brown fox jumps over the lazy dog.' },
    ];
    expect(estimatePromptTokens(messages)).toBe(3 + (4 + 2) + (4 + 10));
  });

  it('counts tool calls, tool results and tool definitions', () => {
    const call = { id: 'call_1', name: 'search', arguments: { query: 'fox' } };
    const base = estimatePromptTokens([{ role: 'user', content: 'hi' }]);
    const withRound = estimatePromptTokens([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: '', toolCalls: [call] },
      { role: 'tool', toolCallId: 'call_1', content: 'the fox jumps' },
    ]);
    expect(withRound).toBeGreaterThan(base + 2 * 4 + 3);
    const tool = { name: 'search', description: 'Search the knowledge base', parameters: { type: 'object' } };
    expect(estimatePromptTokens([{ role: 'user', content: 'hi' }], [tool])).toBeGreaterThan(base + 5);
  });
});
