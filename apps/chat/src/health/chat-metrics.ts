import { Injectable } from '@nestjs/common';

type Labels = Readonly<Record<string, string>>;

/** What a turn tells the metrics: which providers were tried, who answered, and the tokens it cost. */
export interface TurnOutcome {
  readonly attempts: readonly { readonly provider: string; readonly outcome: 'answered' | 'failed' | 'skipped' }[];
  readonly provider: string;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number };
  readonly finishReason: string;
}

/** Counters kept in memory and rendered as Prometheus text; per process, as Prometheus expects. */
@Injectable()
export class ChatMetrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();

  /** Counts one answered (or failed) turn: a call per provider tried, failures, a fallback when the first did not answer. */
  recordTurn(turn: TurnOutcome): void {
    for (const attempt of turn.attempts) {
      if (attempt.outcome !== 'skipped') this.add('ragstream_chat_provider_calls_total', 'Calls to a chat provider', { provider: attempt.provider });
      if (attempt.outcome === 'failed') this.add('ragstream_chat_provider_failures_total', 'Failed calls to a chat provider', { provider: attempt.provider });
      if (attempt.outcome === 'skipped') this.add('ragstream_chat_provider_skips_total', 'Providers skipped (breaker open)', { provider: attempt.provider });
    }
    const first = turn.attempts[0];
    if (first && first.provider !== turn.provider) {
      this.add('ragstream_chat_fallbacks_total', 'Turns answered by a later provider of the chain', { from: first.provider, to: turn.provider });
    }
    this.add('ragstream_chat_turns_total', 'Answered turns by finish reason', { provider: turn.provider, finish_reason: turn.finishReason });
    this.add('ragstream_chat_tokens_total', 'Tokens used', { provider: turn.provider, kind: 'prompt' }, turn.usage.promptTokens);
    this.add('ragstream_chat_tokens_total', 'Tokens used', { provider: turn.provider, kind: 'completion' }, turn.usage.completionTokens);
  }

  /** Counts a breaker transition of a provider. */
  recordCircuit(provider: string, state: string): void {
    this.add('ragstream_chat_breaker_transitions_total', 'Circuit breaker state changes', { provider, state });
  }

  /** Prometheus text exposition; `gauges` adds the breaker state of each provider as it is now. */
  render(breakers: readonly { provider: string; model: string; state: string }[]): string {
    const lines: string[] = [];
    lines.push('# HELP ragstream_chat_breaker_state Circuit breaker state per provider (0 closed, 1 half-open, 2 open)');
    lines.push('# TYPE ragstream_chat_breaker_state gauge');
    const code: Record<string, number> = { closed: 0, 'half-open': 1, open: 2 };
    for (const b of breakers) lines.push(`ragstream_chat_breaker_state${labels({ provider: b.provider, model: b.model })} ${code[b.state] ?? 0}`);
    for (const [name, counter] of this.counters) {
      lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
      for (const [key, value] of counter.values) lines.push(`${name}${key} ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private add(name: string, help: string, labelSet: Labels, by = 1): void {
    const counter = this.counters.get(name) ?? { help, values: new Map<string, number>() };
    this.counters.set(name, counter);
    const key = labels(labelSet);
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }
}

function labels(set: Labels): string {
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  const parts = Object.entries(set).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}
