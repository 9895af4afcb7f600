import type { ProviderAttempt } from '@ragstream/contracts';
import type { ChatEvent, ChatTurnRequest, ProviderChain, ToolCall } from '@ragstream/llm';
import { createLogger } from '@ragstream/observability';
import type { TurnSink } from '../ask/turn-sink';

type Done = Extract<ChatEvent, { type: 'done' }>;

/** One call of the provider chain, read to its end. */
export interface RoundResult {
  readonly text: string;
  readonly calls: ToolCall[];
  readonly done?: Done;
  readonly provider: string;
  readonly model: string;
  readonly attempts: ProviderAttempt[];
  /** The caller's signal fired (the client went away): `text` is what had arrived. */
  readonly cancelled: boolean;
}

const log = createLogger('chat-turn');

/**
 * Runs the chain once, forwarding tokens to the sink as they come. A `reset` (the provider failed
 * mid-answer and the next one starts over) voids the text so far, for the client too.
 */
export async function readRound(chain: ProviderChain, request: ChatTurnRequest, sink: TurnSink, signal: AbortSignal, onToken: () => void): Promise<RoundResult> {
  let text = '';
  const calls: ToolCall[] = [];
  let done: Done | undefined;
  const run = await chain.run(request, signal);
  try {
    for await (const event of run.events) {
      switch (event.type) {
        case 'token':
          text += event.text;
          onToken();
          sink.token(event.text);
          break;
        case 'reset':
          log.warn({ provider: run.provider, reason: event.reason }, 'provider failed mid-answer; falling back');
          text = '';
          calls.length = 0;
          sink.reset(event.reason ?? 'provider fallback');
          break;
        case 'tool_call':
          calls.push(event.call);
          break;
        case 'done':
          done = event;
          break;
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
  return { text, calls, done, provider: run.provider, model: run.model, attempts: [...run.attempts], cancelled: signal.aborted };
}
