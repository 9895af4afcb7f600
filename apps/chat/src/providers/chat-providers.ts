import { Inject, Injectable } from '@nestjs/common';
import { ExtractiveAnswerer, OpenAiChatProvider, ProviderChain, costMicroUsd, estimateTokens, type ChatProvider, type PriceTable, type ProviderGuardEvent } from '@ragstream/llm';
import { createLogger } from '@ragstream/observability';
import type { ChatConfig } from '../chat.config';
import { ChatMetrics } from '../health/chat-metrics';
import { CHAT_CONFIG } from '../tokens';
import { providerEntries } from './provider-entries';

const log = createLogger('chat-providers');

/** A provider's breaker as health and metrics show it; the extractive answerer has none and is always closed. */
export interface BreakerView {
  readonly provider: string;
  readonly model: string;
  readonly state: 'closed' | 'open' | 'half-open';
}

/**
 * The chat providers of this process, built once so every request shares their breakers: the
 * configured OpenAI-compatible endpoints, and the extractive answerer that ends every chain.
 */
@Injectable()
export class ChatProviders {
  private readonly remote: ReadonlyMap<string, OpenAiChatProvider>;
  private readonly extractive = new ExtractiveAnswerer({ countTokens: estimateTokens });
  private readonly defaultChain: ProviderChain;
  private readonly chains = new Map<string, ProviderChain>();
  private readonly prices: PriceTable;

  constructor(
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    private readonly metrics: ChatMetrics,
  ) {
    const providers = providerEntries(config).map((entry) => {
      const provider = new OpenAiChatProvider({ ...entry, maxTokens: config.CHAT_MAX_ANSWER_TOKENS, logger: log });
      provider.guard.onEvent((event) => this.onGuardEvent(event));
      return provider;
    });
    this.remote = new Map(providers.map((p) => [p.name, p]));
    this.defaultChain = this.chain(providers);
    this.prices = config.LLM_PRICES ?? {};
  }

  /** The workspace's own chain when LLM_WORKSPACE_PROVIDERS names one, else the default; the extractive answerer ends both. */
  chainFor(workspaceId: string): ProviderChain {
    const names = this.config.LLM_WORKSPACE_PROVIDERS?.[workspaceId];
    if (!names) return this.defaultChain;
    let chain = this.chains.get(workspaceId);
    if (!chain) {
      chain = this.chain(names.flatMap((n) => this.remote.get(n) ?? []));
      this.chains.set(workspaceId, chain);
    }
    return chain;
  }

  breakers(): BreakerView[] {
    const remote = [...this.remote.values()].map((p) => ({ provider: p.name, model: p.model, state: p.circuit() }));
    return [...remote, { provider: this.extractive.name, model: this.extractive.model, state: 'closed' as const }];
  }

  /** What the usage cost by LLM_PRICES, in millionths of a dollar; 0 when the model has no price (the extractive answerer). */
  costMicroUsd(provider: string, model: string, usage: { promptTokens: number; completionTokens: number }): number {
    return costMicroUsd(this.prices, provider, model, usage).microUsd;
  }

  private chain(providers: readonly ChatProvider[]): ProviderChain {
    return new ProviderChain([...providers, this.extractive]);
  }

  private onGuardEvent(event: ProviderGuardEvent): void {
    if (event.type === 'circuit') {
      this.metrics.recordCircuit(event.provider, event.state);
      log.warn({ provider: event.provider, state: event.state, cause: messageOf(event.error) }, `chat provider breaker ${event.state}`);
    } else {
      log.info({ provider: event.provider, attempt: event.attempt, delayMs: event.delayMs, cause: messageOf(event.error) }, 'chat provider call retried');
    }
  }
}

// A breaker line names what failed; the stack of a provider's HTTP answer says nothing more.
const messageOf = (error: unknown) => (error instanceof Error ? error.message : error === undefined ? undefined : String(error));

/** True when a provider of the chain takes tools (the chain strips them for the others). */
export const chainTakesTools = (chain: ProviderChain) => chain.providers.some((p) => p.supportsTools);
