import { randomUUID } from 'node:crypto';
import type { CommitEnvelope } from '@ragstream/contracts';
import { headers as natsHeaders, type NatsConnection } from 'nats';
import { runClosedLoop } from './load';
import type { PhaseResult } from './stats';

export interface CommitTemplate {
  readonly subjectPrefix: string;
  readonly envelope: CommitEnvelope;
  /** Headers of the real commit other than the ones the publish sets itself (traceparent, ...). */
  readonly extraHeaders: Readonly<Record<string, string>>;
  /** Size of the real commit's body as stored. */
  readonly bytes: number;
}

const encoder = new TextEncoder();

/**
 * A commit like the template for a fresh aggregate: new commit, aggregate and correlation ids of
 * the same length, so the body has the template's exact size and is a valid commit the projector
 * applies like any other (the baseline adds the same downstream work as the real commands).
 */
export function commitLike(template: CommitTemplate): { subject: string; body: Uint8Array; msgID: string } {
  const aggregateId = randomUUID();
  const envelope: CommitEnvelope = {
    ...template.envelope,
    commitId: randomUUID(),
    aggregateId,
    correlationId: randomUUID(),
    occurredAt: new Date().toISOString(),
  };
  const subject = `${template.subjectPrefix}.${envelope.tenantId}.${envelope.aggregateType}.${aggregateId}`;
  return { subject, body: encoder.encode(JSON.stringify(envelope)), msgID: envelope.commitId };
}

/**
 * The raw floor under a command: a JetStream publish of a same-sized commit to a fresh subject
 * with the headers the event store sets (Nats-Msg-Id, Nats-Expected-Last-Subject-Sequence: 0),
 * awaited for its ack, from the same number of concurrent clients.
 */
export function publishBaseline(nc: NatsConnection, template: CommitTemplate, label: string, total: number, concurrency: number): Promise<PhaseResult> {
  const js = nc.jetstream();
  return runClosedLoop(label, total, concurrency, async () => {
    const { subject, body, msgID } = commitLike(template);
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(template.extraHeaders)) headers.set(key, value);
    const ack = await js.publish(subject, body, { msgID, expect: { lastSubjectSequence: 0 }, headers, timeout: 5000 });
    if (ack.duplicate) throw new Error(`publish of ${msgID} was taken for a duplicate`);
  });
}
