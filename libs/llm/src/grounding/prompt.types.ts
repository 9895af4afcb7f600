import type { GroundingSource, PromptMessage } from '../chat/chat-provider.types';

/** Counts a text's tokens the way the target model (or a close estimate) does. */
export type CountTokens = (text: string) => number;

/** A turn of the conversation so far, oldest first. */
export interface HistoryTurn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** Token limits of one prompt. */
export interface PromptBudget {
  /** The model's context window: prompt and answer together. */
  readonly contextTokens: number;
  /** Kept free for the answer. */
  readonly answerTokens: number;
  /** At most this much for history; default a quarter of the prompt's room. */
  readonly historyTokens?: number;
  /** Kept for sources before history gets any; default 256 (less when the room is small). */
  readonly minSourceTokens?: number;
}

export interface AssemblePromptInput {
  readonly question: string;
  /** Retrieved chunks, best first; their ids are replaced by their place in the prompt. */
  readonly sources: readonly GroundingSource[];
  readonly history: readonly HistoryTurn[];
  /** Replaces the default grounding instructions (the sources are still appended). */
  readonly systemPrompt?: string;
  readonly budget: PromptBudget;
  readonly countTokens: CountTokens;
}

export interface AssembledPrompt {
  readonly messages: PromptMessage[];
  /** The sources the prompt holds, numbered 1..n in prompt order (a cut source has its `text` and `end` shortened). */
  readonly sources: GroundingSource[];
  /** True when older turns were summarised or left out to fit. */
  readonly historyCondensed: boolean;
  /** Counted over the final messages, with the chat format's framing (per message, and reply priming). */
  readonly promptTokens: number;
}
