import { ChatMetrics } from './chat-metrics';

describe('ChatMetrics', () => {
  it('renders breaker states, calls, failures, fallbacks and tokens as Prometheus text', () => {
    const metrics = new ChatMetrics();
    metrics.recordTurn({
      attempts: [
        { provider: 'llm', outcome: 'failed' },
        { provider: 'extractive', outcome: 'answered' },
      ],
      provider: 'extractive',
      usage: { promptTokens: 40, completionTokens: 12 },
      finishReason: 'stop',
    });
    metrics.recordTurn({ attempts: [{ provider: 'llm', outcome: 'skipped' }, { provider: 'extractive', outcome: 'answered' }], provider: 'extractive', usage: { promptTokens: 1, completionTokens: 1 }, finishReason: 'stop' });
    const text = metrics.render([{ provider: 'llm', model: 'm "x"', state: 'open' }]);
    expect(text).toContain('ragstream_chat_breaker_state{provider="llm",model="m \\"x\\""} 2');
    expect(text).toContain('ragstream_chat_provider_calls_total{provider="llm"} 1');
    expect(text).toContain('ragstream_chat_provider_failures_total{provider="llm"} 1');
    expect(text).toContain('ragstream_chat_provider_skips_total{provider="llm"} 1');
    expect(text).toContain('ragstream_chat_fallbacks_total{from="llm",to="extractive"} 2');
    expect(text).toContain('ragstream_chat_tokens_total{provider="extractive",kind="prompt"} 41');
    expect(text).toContain('# TYPE ragstream_chat_tokens_total counter');
  });
});
