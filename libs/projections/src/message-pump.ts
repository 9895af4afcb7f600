import { setTimeout as delay } from 'node:timers/promises';
import type { Consumer, JsMsg } from 'nats';

export interface MessagePumpOptions {
  /** Messages per pull request; the consumer's max_ack_pending caps what is really in flight. */
  readonly batchSize: number;
  /** How long one pull stays open: an idle pump re-pulls this often, and stop() waits at most this long. */
  readonly expiresMs?: number;
  readonly retryDelayMs: number;
  readonly onError: (error: unknown) => void;
  readonly isClosed: () => boolean;
}

// Held messages stay unacked, so give them back well before the consumer's 30 s ack wait.
const HOLD_BUDGET_MS = 10_000;
const RECHECK_MIN_MS = 2;
const RECHECK_MAX_MS = 100;

/**
 * Keeps one pull request open and queues what it delivers, so a batch starts as soon as a message
 * lands instead of when the pull fills up or expires (which would delay read-your-writes by ~1 s).
 * Messages behind a gap can be held and offered again with the next batch.
 */
export class MessagePump {
  private readonly queue: JsMsg[] = [];
  private readonly stopper = new AbortController();
  private held: JsMsg[] = [];
  private heldSince = 0;
  private recheckMs = RECHECK_MIN_MS;
  private loop?: Promise<void>;
  private finished = false;
  private wakeTaker?: () => void;

  constructor(
    private readonly consumer: Consumer,
    private readonly options: MessagePumpOptions,
  ) {}

  start(): void {
    this.loop = this.run().finally(() => {
      this.finished = true;
      this.wake();
    });
  }

  /** Stops pulling. The pull in flight runs out rather than being cut, so no message lands in a closed inbox. */
  stop(): Promise<void> {
    this.stopper.abort();
    return this.loop ?? Promise.resolve();
  }

  /**
   * The held messages plus up to `max` in all from the queue. Waits for the first message; while
   * messages are held it waits only a short, growing while. Empty once stopped and drained.
   */
  async take(max: number): Promise<JsMsg[]> {
    const holding = this.held.length > 0;
    await this.waitForMessage(holding ? this.recheckMs : undefined);
    // One macrotask lets the rest of a burst that arrived in the same socket read join this batch.
    await new Promise((resolve) => setImmediate(resolve));
    const batch = [...this.held, ...this.queue.splice(0, Math.max(0, max - this.held.length))];
    this.held = [];
    return batch;
  }

  /**
   * Keeps messages that wait for earlier positions (held by another instance right now) instead of
   * handing them back: no redelivery delay, no inflated delivery count. False once they waited too long.
   */
  hold(messages: JsMsg[]): boolean {
    const now = Date.now();
    this.heldSince ||= now;
    if (now - this.heldSince > HOLD_BUDGET_MS || this.stopper.signal.aborted) {
      this.release();
      return false;
    }
    this.held = messages;
    this.recheckMs = Math.min(this.recheckMs * 2, RECHECK_MAX_MS);
    return true;
  }

  /** Forgets the gap bookkeeping once a batch made progress. */
  release(): void {
    this.heldSince = 0;
    this.recheckMs = RECHECK_MIN_MS;
  }

  private async waitForMessage(timeoutMs?: number): Promise<void> {
    if (timeoutMs === undefined) {
      while (this.queue.length === 0 && !this.finished) await new Promise<void>((resolve) => (this.wakeTaker = resolve));
      return;
    }
    if (this.queue.length > 0 || this.finished) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wakeTaker = resolve;
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    const { signal } = this.stopper;
    while (!signal.aborted && !this.options.isClosed()) {
      try {
        const messages = await this.consumer.fetch({ max_messages: this.options.batchSize, expires: this.options.expiresMs ?? 1000 });
        for await (const message of messages) {
          this.queue.push(message);
          this.wake();
        }
      } catch (error) {
        if (this.options.isClosed()) return;
        this.options.onError(error);
        await delay(this.options.retryDelayMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private wake(): void {
    const wake = this.wakeTaker;
    this.wakeTaker = undefined;
    wake?.();
  }
}
