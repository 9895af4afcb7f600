import type { GroundingSource, PromptMessage } from '../chat/chat-provider.types';
import { GROUNDING_INSTRUCTIONS, formatSource } from './grounding-instructions';
import { MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMING_TOKENS, fitHistory, type FittedHistory } from './history-condenser';
import type { AssembledPrompt, AssemblePromptInput, CountTokens } from './prompt.types';
import { packSources } from './source-packer';

const SOURCES_HEADING = '\n\nSources:';
const NO_SOURCES = '\n\nSources: none were found for this question.';
const DEFAULT_MIN_SOURCE_TOKENS = 256;

/** Builds the grounded prompt: instructions and numbered sources, condensed history, the question; within the budget. */
export function assemblePrompt(input: AssemblePromptInput): AssembledPrompt {
  const { question, budget, countTokens } = input;
  const instructions = input.systemPrompt ?? GROUNDING_INSTRUCTIONS;
  const room = budget.contextTokens - budget.answerTokens;
  const heading = input.sources.length > 0 ? SOURCES_HEADING : NO_SOURCES;
  const fixed = countTokens(instructions) + countTokens(heading) + countTokens(question) + 2 * MESSAGE_OVERHEAD_TOKENS + REPLY_PRIMING_TOKENS;
  if (fixed >= room) throw new RangeError(`prompt budget of ${room} tokens cannot hold the instructions and the question (${fixed})`);
  const free = room - fixed;
  // Sources are the point of a grounded prompt: history gets only what they leave.
  const reserve = input.sources.length === 0 ? 0 : Math.min(budget.minSourceTokens ?? DEFAULT_MIN_SOURCE_TOKENS, free);
  const historyCap = Math.min(budget.historyTokens ?? Math.floor(room / 4), free - reserve);
  const history = fitHistory(input.history, historyCap, countTokens);
  // Counting the joined text can differ from the sum of its parts (BPE merges across joins): shrink until it fits.
  for (let shortfall = 0, attempt = 0; ; attempt++) {
    const packed = packSources(input.sources, free - history.tokens - shortfall, countTokens);
    if (input.sources.length > 0 && packed.sources.length === 0) throw new RangeError(`prompt budget of ${room} tokens leaves no room for a source`);
    const summary = history.summary === null ? '' : `\n\n${history.summary}`;
    const messages = buildMessages(instructions + summary + heading, packed.sources, history, question);
    const promptTokens = countPrompt(messages, countTokens);
    if (promptTokens <= room || attempt === 3) return { messages, sources: packed.sources, historyCondensed: history.condensed, promptTokens };
    shortfall += promptTokens - room;
  }
}

function buildMessages(system: string, sources: readonly GroundingSource[], history: FittedHistory, question: string): PromptMessage[] {
  const blocks = sources.map((source) => `\n\n${formatSource(source)}`).join('');
  return [{ role: 'system', content: system + blocks }, ...history.messages, { role: 'user', content: question }];
}

/** Prompt tokens of messages: their contents plus the chat format's framing (as `estimatePromptTokens` counts it). */
export function countPrompt(messages: readonly PromptMessage[], countTokens: CountTokens): number {
  return messages.reduce((total, message) => total + countTokens(message.content) + MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMING_TOKENS);
}
