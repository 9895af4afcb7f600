import type { ConsumerMessages, MsgHdrs, NatsConnection } from 'nats';

export interface ScanOptions {
  /** One subject filter (NATS 2.9 has no multi-filter consumers), e.g. `evt.<tenant>.>`. */
  readonly filterSubject: string;
  /** First stream position to read (inclusive). */
  readonly fromPosition?: number;
  /** Start at the first message stored at or after this time; ignored when `fromPosition` is given. */
  readonly fromTime?: Date;
  /** Last position to read (inclusive). */
  readonly toPosition?: number;
  /** Keep waiting for new messages once caught up (tail); otherwise stop at the head as it was at the start. */
  readonly follow?: boolean;
  readonly signal?: AbortSignal;
}

/** A stored message as the scan reads it: position, subject, raw body, headers and store time. */
export interface ScannedMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers?: MsgHdrs;
  readonly storedAt: Date;
}

/**
 * Reads the stream in order through an ordered consumer (ephemeral, in memory, no acks, recreated
 * by the client on a gap), so a scan of any length costs the server one consumer, not one request
 * per message. Stops at the head unless following; deletes its consumer when done.
 */
export async function* scanStream(nc: NatsConnection, stream: string, options: ScanOptions): AsyncGenerator<ScannedMessage> {
  if (options.signal?.aborted) return;
  const head = (await (await nc.jetstreamManager()).streams.info(stream)).state.last_seq;
  const start = options.fromPosition ? { opt_start_seq: options.fromPosition } : options.fromTime ? { opt_start_time: options.fromTime.toISOString() } : {};
  const consumer = await nc.jetstream().consumers.get(stream, { filterSubjects: options.filterSubject, ...start });
  let messages: ConsumerMessages | undefined;
  const stop = () => messages?.stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    if (!options.follow && ((await consumer.info()).num_pending === 0 || (options.fromPosition ?? 1) > head)) return;
    messages = await consumer.consume({ max_messages: 256 });
    if (options.signal?.aborted) return;
    for await (const m of messages) {
      if (options.toPosition !== undefined && m.seq > options.toPosition) return;
      yield { seq: m.seq, subject: m.subject, data: m.data, headers: m.headers, storedAt: new Date(m.info.timestampNanos / 1e6) };
      const caughtUp = m.info.pending === 0 || m.seq >= head;
      if (!options.follow && caughtUp) return;
      if (options.toPosition !== undefined && m.seq >= options.toPosition) return;
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    stop();
    await consumer.delete().catch(() => undefined);
  }
}
