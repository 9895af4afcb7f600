import type { ProviderAttempt } from '@ragstream/contracts';
import type { ChatEvent, ChatProvider, ChatTurnRequest } from './chat-provider.types';
import { ChainRunner } from './provider-chain.runner';

/** A chain's answer. `provider` and `model` name the provider answering now: after a `reset` event, the next one. */
export interface ChainRun {
  readonly provider: string;
  readonly model: string;
  /** Read to the end, or stop with `break` (which closes the provider's stream); a `reset` means discard what came before. */
  readonly events: AsyncIterable<ChatEvent>;
  /** Providers tried, in order; grows while `events` runs and is complete once it ended. */
  readonly attempts: readonly ProviderAttempt[];
}

/**
 * Ordered chat providers (the app ends the list with the built-in extractive answerer): skips providers whose
 * breaker is open, falls through on a failure before the first event, and after one mid-answer sends `reset`
 * and lets the next provider answer from the start. Tools go only to providers that support them.
 */
export class ProviderChain {
  constructor(
    readonly providers: readonly ChatProvider[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves once a provider produced its first event; throws ChainUnavailableError when none did. */
  async run(request: ChatTurnRequest, signal?: AbortSignal): Promise<ChainRun> {
    const runner = new ChainRunner(this.providers, request, signal, this.now);
    await runner.startFrom(0);
    const events = runner.events();
    return {
      get provider() {
        return runner.provider.name;
      },
      get model() {
        return runner.provider.model;
      },
      events,
      attempts: runner.attempts,
    };
  }
}
