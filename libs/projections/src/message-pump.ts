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

/**
 * Keeps one pull request open and queues what it delivers, so a batch starts as soon as a message
 * lands instead of when the pull fills up or expires (which would delay read-your-writes by ~1 s).
 */
export class MessagePump {
  private readonly queue: JsMsg[] = [];
  private readonly stopper = new AbortController();
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

  /** Up to `max` queued messages in delivery order, waiting for the first; empty once stopped and drained. */
  async take(max: number): Promise<JsMsg[]> {
    while (this.queue.length === 0 && !this.finished) await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    // One macrotask lets the rest of a burst that arrived in the same socket read join this batch.
    await new Promise((resolve) => setImmediate(resolve));
    return this.queue.splice(0, max);
  }

  /** Removes every queued message, for a runner that gives them back on its way out. */
  drain(): JsMsg[] {
    return this.queue.splice(0);
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
