import { CommitEnvelope, type EventRegistry } from '@ragstream/contracts';
import type { MsgHdrs } from 'nats';
import type { Commit } from './commit';
import { linkHash } from './integrity/commit-hash';

const decoder = new TextDecoder();

/** Turns a stored message into a commit: envelope validated, every event validated and upcast. */
export function decodeCommit(
  registry: EventRegistry,
  message: { seq: number; subject: string; data: Uint8Array; headers?: MsgHdrs },
): Commit {
  const body = JSON.parse(decoder.decode(message.data));
  const envelope = CommitEnvelope.parse(body);
  const events = envelope.events.map((e) => registry.forRead(e.type, e.version, e.data));
  return { position: message.seq, subject: message.subject, envelope, events, headers: headersToRecord(message.headers), hash: linkHash(body) };
}

export function headersToRecord(headers?: MsgHdrs): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const key of headers.keys()) out[key] = headers.get(key);
  return out;
}
