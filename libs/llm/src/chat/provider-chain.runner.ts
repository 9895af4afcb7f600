import type { ProviderAttempt } from '@ragstream/contracts';
import { ProviderUnavailableError } from '../provider.errors';
import type { ChatEvent, ChatProvider, ChatTurnRequest } from './chat-provider.types';
import { ChainUnavailableError, attemptReason } from './provider-chain.errors';

/** A provider that has produced its first event and whose attempt is not recorded yet. */
interface Started {
  readonly index: number;
  readonly provider: ChatProvider;
  readonly events: AsyncIterator<ChatEvent>;
  readonly first: ChatEvent;
  readonly startedAt: number;
}

/** One run of a chain: tries providers in order, and after a failure mid-answer sends `reset` and goes on with the next. */
export class ChainRunner {
  readonly attempts: ProviderAttempt[] = [];
  private readonly failures: unknown[] = [];
  private current?: Started;
  private answering?: ChatProvider;
  private lastEvent?: ChatEvent['type'];

  constructor(
    private readonly providers: readonly ChatProvider[],
    private readonly request: ChatTurnRequest,
    private readonly signal: AbortSignal | undefined,
    private readonly now: () => number,
  ) {}

  /** The provider answering now, or the last one that answered. */
  get provider(): ChatProvider {
    if (!this.answering) throw new Error('the chain has not started');
    return this.answering;
  }

  /** Starts the first provider, from `index` on, that yields a first event; throws ChainUnavailableError when none does. */
  async startFrom(index: number): Promise<void> {
    for (let i = index; i < this.providers.length; i++) {
      const provider = this.providers[i];
      if (provider.circuit?.() === 'open') {
        this.record(provider, 'skipped', this.now(), 'circuit open');
        continue;
      }
      const startedAt = this.now();
      try {
        const events = (await provider.stream(this.requestFor(provider), this.signal))[Symbol.asyncIterator]();
        const first = await events.next();
        if (first.done) throw new Error('the stream ended without an answer');
        this.current = { index: i, provider, events, first: first.value, startedAt };
        this.answering = provider;
        return;
      } catch (error) {
        this.rethrowIfAborted(error);
        this.failures.push(error);
        // Another request took the half-open trial, or the breaker opened between the check and the call.
        const refused = error instanceof ProviderUnavailableError && error.reason === 'circuit-open';
        this.record(provider, refused ? 'skipped' : 'failed', startedAt, attemptReason(error));
      }
    }
    throw new ChainUnavailableError(this.attempts, this.failures);
  }

  /** The events of the started provider and, after a failure mid-answer, `reset` and those of the next. */
  async *events(): AsyncGenerator<ChatEvent> {
    try {
      for (let started = this.current; started; started = this.current) {
        const failure = yield* this.relay(started);
        this.current = undefined;
        if (!failure) {
          this.record(started.provider, 'answered', started.startedAt);
          return;
        }
        this.rethrowIfAborted(failure.error, started);
        this.failures.push(failure.error);
        this.record(started.provider, 'failed', started.startedAt, attemptReason(failure.error));
        yield { type: 'reset', reason: `${started.provider.name} failed mid-answer: ${attemptReason(failure.error)}` };
        await this.startFrom(started.index + 1);
      }
    } finally {
      await this.abandon();
    }
  }

  private async *relay(started: Started): AsyncGenerator<ChatEvent, { error: unknown } | undefined> {
    yield this.seen(started.first);
    for (;;) {
      let next: IteratorResult<ChatEvent>;
      try {
        next = await started.events.next();
      } catch (error) {
        return { error };
      }
      if (next.done) return undefined;
      yield this.seen(next.value);
    }
  }

  // The consumer stopped early (or the caller aborted): close the provider's stream and say how its attempt ended.
  private async abandon(): Promise<void> {
    const started = this.current;
    if (!started) return;
    this.current = undefined;
    const outcome = this.lastEvent === 'done' ? 'answered' : 'failed';
    this.record(started.provider, outcome, started.startedAt, outcome === 'failed' ? 'cancelled' : undefined);
    await started.events.return?.().catch(() => undefined);
  }

  private seen(event: ChatEvent): ChatEvent {
    this.lastEvent = event.type;
    return event;
  }

  private rethrowIfAborted(error: unknown, started?: Started): void {
    if (!this.signal?.aborted) return;
    if (started) this.record(started.provider, 'failed', started.startedAt, 'cancelled');
    throw this.signal.reason ?? error;
  }

  private requestFor(provider: ChatProvider): ChatTurnRequest {
    if (provider.supportsTools || !this.request.tools) return this.request;
    const { tools: _omitted, ...withoutTools } = this.request;
    return withoutTools;
  }

  private record(provider: ChatProvider, outcome: ProviderAttempt['outcome'], startedAt: number, reason?: string): void {
    const ms = Math.max(0, Math.round(this.now() - startedAt));
    this.attempts.push(reason === undefined ? { provider: provider.name, model: provider.model, outcome, ms } : { provider: provider.name, model: provider.model, outcome, reason, ms });
  }
}
