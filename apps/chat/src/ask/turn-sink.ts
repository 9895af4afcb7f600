import type { SourceView, ToolCallView } from '@ragstream/contracts';
import type { z } from 'zod';

export type SourceViewData = z.input<typeof SourceView>;
export type ToolCallViewData = z.input<typeof ToolCallView>;

/** Where a turn reports progress while it runs: an SSE stream, an OpenAI chunk stream, or nothing (JSON). */
export interface TurnSink {
  /** The question is recorded and the sources retrieved, before the model is called. */
  sources(event: { conversationId: string; userMessageId: string; position: number; sources: SourceViewData[] }): void;
  token(text: string): void;
  /** Text sent so far is void: a provider failed mid-answer and the next one starts over. */
  reset(reason: string): void;
  /** A tool call was made (and, when it needs approval, the turn pauses on it). */
  toolCall(call: ToolCallViewData): void;
}

/** A sink for JSON answers: nothing is sent until the answer is complete. */
export const silentSink: TurnSink = {
  sources: () => undefined,
  token: () => undefined,
  reset: () => undefined,
  toolCall: () => undefined,
};
