import { resilienceFromEnv } from '@ragstream/llm';
import type { ChatConfig } from '../chat.config';
import type { LlmProviderEntry } from '../config/llm-providers.env';

/** The configured OpenAI-compatible providers in chain order: LLM_PROVIDERS, or the one LLM_BASE_URL names. */
export function providerEntries(config: ChatConfig): LlmProviderEntry[] {
  if (config.LLM_PROVIDERS) return config.LLM_PROVIDERS;
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return [];
  return [
    {
      name: config.LLM_PROVIDER_NAME,
      baseUrl: config.LLM_BASE_URL,
      apiKey: config.LLM_API_KEY,
      model: config.LLM_MODEL,
      supportsTools: config.LLM_SUPPORTS_TOOLS,
      firstTokenTimeoutMs: config.LLM_FIRST_TOKEN_TIMEOUT_MS,
      idleTimeoutMs: config.LLM_IDLE_TIMEOUT_MS,
      resilience: resilienceFromEnv('LLM', config),
    },
  ];
}
