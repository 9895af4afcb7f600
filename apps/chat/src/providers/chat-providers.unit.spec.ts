import { loadChatConfig } from '../chat.config';
import { ChatMetrics } from '../health/chat-metrics';
import { ChatProviders, chainTakesTools } from './chat-providers';

const WS = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const secrets = { JWT_SECRET: 'x'.repeat(32), HASH_PEPPER: 'y'.repeat(32), PII_MASTER_KEY: 'a'.repeat(64) };

describe('ChatProviders', () => {
  const providers = new ChatProviders(
    loadChatConfig({
      ...secrets,
      LLM_PROVIDERS: JSON.stringify([
        { name: 'big', baseUrl: 'http://127.0.0.1:9/v1', model: 'm1' },
        { name: 'small', baseUrl: 'http://127.0.0.1:9/v1', model: 'm2', supportsTools: false },
      ]),
      LLM_WORKSPACE_PROVIDERS: JSON.stringify({ [WS]: ['small'] }),
      LLM_PRICES: JSON.stringify({ 'big/m1': { inputPerMTok: 2, outputPerMTok: 10 } }),
    }),
    new ChatMetrics(),
  );
  const names = (workspaceId: string) => providers.chainFor(workspaceId).providers.map((p) => p.name);

  it('ends every chain with the extractive answerer, and gives a workspace its own chain', () => {
    expect(names('00000000-0000-4000-8000-000000000000')).toEqual(['big', 'small', 'extractive']);
    expect(names(WS)).toEqual(['small', 'extractive']);
    expect(chainTakesTools(providers.chainFor(WS))).toBe(false);
    expect(providers.chainFor(WS)).toBe(providers.chainFor(WS));
  });

  it('shows every breaker, closed before any call', () => {
    expect(providers.breakers()).toEqual([
      { provider: 'big', model: 'm1', state: 'closed' },
      { provider: 'small', model: 'm2', state: 'closed' },
      { provider: 'extractive', model: 'ragstream-extractive-v1', state: 'closed' },
    ]);
  });

  it('prices usage by the table, and unpriced models at 0', () => {
    expect(providers.costMicroUsd('big', 'm1', { promptTokens: 1000, completionTokens: 100 })).toBe(3000);
    expect(providers.costMicroUsd('extractive', 'ragstream-extractive-v1', { promptTokens: 1000, completionTokens: 100 })).toBe(0);
  });
});
