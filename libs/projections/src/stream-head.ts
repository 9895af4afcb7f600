import { directGet } from '@ragstream/event-store';
import type { NatsConnection } from 'nats';

/** The stream's last position and when it was written, from the stream info alone. */
export interface StreamHead {
  readonly position: number;
  readonly at: Date | null;
  readonly firstAt: Date | null;
}

export async function readStreamHead(nc: NatsConnection, stream: string): Promise<StreamHead> {
  const { state } = await (await nc.jetstreamManager()).streams.info(stream);
  const time = (ts: string | undefined) => (ts && state.messages > 0 ? new Date(ts) : null);
  return { position: state.last_seq, at: time(state.last_ts), firstAt: time(state.first_ts) };
}

/** When the message at `position` was stored (direct get answers it in Nats-Time-Stamp); null when gone. */
export async function storedAt(nc: NatsConnection, stream: string, position: number): Promise<Date | null> {
  if (position < 1) return null;
  const message = await directGet(nc, stream, { seq: position });
  const stamp = message?.headers.get('Nats-Time-Stamp');
  return stamp ? new Date(stamp) : null;
}

/** How far behind the head a checkpoint is, in events and in time (head time minus the last applied message's time). */
export async function lagBehind(nc: NatsConnection, stream: string, head: StreamHead, checkpoint: number): Promise<{ events: number; ms: number }> {
  const events = Math.max(0, head.position - checkpoint);
  if (events === 0 || !head.at) return { events, ms: 0 };
  const applied = (await storedAt(nc, stream, checkpoint)) ?? head.firstAt;
  return { events, ms: applied ? Math.max(0, head.at.getTime() - applied.getTime()) : 0 };
}
