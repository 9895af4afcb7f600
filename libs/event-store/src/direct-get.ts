import type { MsgHdrs, NatsConnection } from 'nats';

export interface DirectMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers: MsgHdrs;
}

const encoder = new TextEncoder();

/**
 * Reads one stored message through the stream's direct-get API (served by any replica, no
 * consumer needed). `next_by_subj` finds the first message of a subject at or after `seq`.
 * Undefined when there is no such message.
 */
export async function directGet(
  nc: NatsConnection,
  stream: string,
  query: { seq: number; next_by_subj?: string },
  timeoutMs = 5000,
): Promise<DirectMessage | undefined> {
  const reply = await nc.request(`$JS.API.DIRECT.GET.${stream}`, encoder.encode(JSON.stringify(query)), { timeout: timeoutMs });
  const headers = reply.headers;
  if (!headers) throw new Error(`direct get on ${stream} answered without headers`);
  if (headers.hasError) {
    if (headers.code === 404) return undefined;
    throw new Error(`direct get on ${stream} failed: ${headers.code} ${headers.description}`);
  }
  return {
    seq: Number(headers.get('Nats-Sequence')),
    subject: headers.get('Nats-Subject'),
    data: reply.data,
    headers,
  };
}
