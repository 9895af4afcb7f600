import { ConfigError } from '@ragstream/config';
import { loadChatConfig } from './chat.config';
import { providerEntries } from './providers/provider-entries';

const secrets = { JWT_SECRET: 'x'.repeat(32), HASH_PEPPER: 'y'.repeat(32), PII_MASTER_KEY: 'a'.repeat(64) };
const WS = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const issuesOf = (env: Record<string, string>) => {
  try {
    loadChatConfig({ ...secrets, ...env });
    return [];
  } catch (error) {
    return (error as ConfigError).issues.map((i) => i.variable);
  }
};

describe('chat config', () => {
  it('runs on the extractive answerer alone by default, on :3004, without a quota', () => {
    const config = loadChatConfig(secrets);
    expect(config).toMatchObject({ PORT: 3004, CHAT_TOKEN_QUOTA_PER_WORKSPACE: 0 });
    expect(providerEntries(config)).toEqual([]);
  });

  it('builds one provider from LLM_BASE_URL with the LLM_* resilience settings', () => {
    const config = loadChatConfig({ ...secrets, LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3', LLM_BREAKER_THRESHOLD: '2' });
    expect(providerEntries(config)).toEqual([expect.objectContaining({ name: 'llm', model: 'llama3', resilience: expect.objectContaining({ breakerThreshold: 2 }) })]);
  });

  it('reads LLM_PROVIDERS, LLM_WORKSPACE_PROVIDERS and LLM_PRICES as JSON', () => {
    const providers = [{ name: 'a', baseUrl: 'http://a/v1', model: 'm1' }, { name: 'b', baseUrl: 'http://b/v1', model: 'm2', supportsTools: false }];
    const config = loadChatConfig({
      ...secrets,
      LLM_PROVIDERS: JSON.stringify(providers),
      LLM_WORKSPACE_PROVIDERS: JSON.stringify({ [WS]: ['b'] }),
      LLM_PRICES: JSON.stringify({ 'a/m1': { inputPerMTok: 1, outputPerMTok: 2 } }),
    });
    expect(providerEntries(config).map((p) => [p.name, p.supportsTools])).toEqual([['a', true], ['b', false]]);
    expect(config.LLM_WORKSPACE_PROVIDERS).toEqual({ [WS]: ['b'] });
  });

  it('names every bad variable', () => {
    expect(issuesOf({ LLM_PROVIDERS: '[{' })).toEqual(['LLM_PROVIDERS']);
    expect(issuesOf({ LLM_BASE_URL: 'http://x/v1' })).toEqual(['LLM_MODEL']);
    expect(issuesOf({ LLM_PROVIDERS: JSON.stringify([{ name: 'a', baseUrl: 'http://a', model: 'm' }]), LLM_BASE_URL: 'http://b', LLM_MODEL: 'm' })).toEqual(['LLM_BASE_URL']);
    expect(issuesOf({ LLM_PROVIDERS: JSON.stringify([{ name: 'extractive', baseUrl: 'http://a', model: 'm' }]) })).toEqual(['LLM_PROVIDERS']);
    expect(issuesOf({ LLM_WORKSPACE_PROVIDERS: JSON.stringify({ [WS]: ['nobody'] }) })).toEqual(['LLM_WORKSPACE_PROVIDERS']);
    expect(issuesOf({ LLM_PRICES: JSON.stringify({ m: { inputPerMTok: -1, outputPerMTok: 0 } }) })[0]).toMatch(/^LLM_PRICES/);
  });
});
