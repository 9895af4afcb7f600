import { setTimeout as delay } from 'node:timers/promises';
import { DeliverPolicy, type Consumer, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';

export interface ReplayReaderOptions {
  readonly nc: NatsConnection;
  readonly stream: string;
  /** The first position to read. */
  readonly from: number;
  /** Messages per pull; the reader keeps at most four pulls' worth in memory. */
  readonly pullSize: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Reads the stream in order from a position through an ordered consumer (ephemeral, no acks:
 * the build's checkpoint is what remembers progress). Pulls ahead while the caller applies, but
 * never more than a few pulls, so a slow database does not fill the memory with the whole log.
 */
export class ReplayReader {
  private readonly queue: JsMsg[] = [];
  private readonly stopper = new AbortController();
  private consumer?: Consumer;
  private pull?: ConsumerMessages;
  private loop?: Promise<void>;
  private wake?: () => void;
  private finished = false;

  constructor(private readonly options: ReplayReaderOptions) {}

  async start(): Promise<void> {
    const { nc, stream, from } = this.options;
    this.consumer = await nc.jetstream().consumers.get(stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Math.max(1, from) });
    this.loop = this.run(this.consumer).finally(() => {
      this.finished = true;
      this.notify();
    });
  }

  /** Up to `max` messages in order; waits at most `idleMs` for the first, so an idle stream answers []. */
  async take(max: number, idleMs: number): Promise<JsMsg[]> {
    if (this.queue.length === 0 && !this.finished) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, idleMs);
      });
      clearTimeout(timer);
    }
    const batch = this.queue.splice(0, max);
    this.notify(); // room for the next pull
    return batch;
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    this.notify();
    // Ends the pull in flight now rather than when it expires.
    this.pull?.stop();
    await this.loop;
    await this.consumer?.delete().catch(() => undefined);
  }

  private async run(consumer: Consumer): Promise<void> {
    const { pullSize } = this.options;
    const { signal } = this.stopper;
    while (!signal.aborted && !this.options.nc.isClosed()) {
      if (this.queue.length >= pullSize * 4) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      try {
        const messages = (this.pull = await consumer.fetch({ max_messages: pullSize, expires: 1000 }));
        for await (const message of messages) {
          this.queue.push(message);
          this.notify();
        }
      } catch (error) {
        if (signal.aborted || this.options.nc.isClosed()) return;
        this.options.onError?.(error);
        await delay(500, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
