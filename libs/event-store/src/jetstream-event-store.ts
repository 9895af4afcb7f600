import { type CommitEnvelope, type EventRegistry } from '@ragstream/contracts';
import { currentTraceHeaders } from '@ragstream/observability';
import { headers as natsHeaders, type JetStreamClient, type JetStreamManager, type NatsConnection, type NatsError } from 'nats';
import type { AppendRequest, AppendResult, Commit } from './commit';
import { decodeCommit } from './commit-codec';
import { directGet } from './direct-get';
import { ConcurrencyConflictError, EventStoreUnavailableError } from './event-store.errors';
import { GENESIS_HASH, commitHash, linkHash } from './integrity/commit-hash';
import { Subjects } from './subjects';

export interface EventStoreOptions {
  readonly stream: string;
  readonly subjectPrefix: string;
  readonly registry: EventRegistry;
  readonly publishTimeoutMs?: number;
}

const WRONG_LAST_SEQUENCE = 10071;
const encoder = new TextEncoder();

/** The event log over one JetStream stream: one message per commit, one subject per aggregate. */
export class JetStreamEventStore {
  readonly subjects: Subjects;
  private readonly js: JetStreamClient;

  constructor(
    readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    readonly options: EventStoreOptions,
  ) {
    this.subjects = new Subjects(options.subjectPrefix);
    this.js = nc.jetstream();
  }

  static async create(nc: NatsConnection, options: EventStoreOptions): Promise<JetStreamEventStore> {
    return new JetStreamEventStore(nc, await nc.jetstreamManager(), options);
  }

  get registry(): EventRegistry {
    return this.options.registry;
  }

  /**
   * Appends one commit atomically. The server refuses it when the subject's last sequence is not
   * `expectedSequence` (a conflict); a commit id seen inside the duplicate window appends nothing
   * and answers the original position. The commit is chained to the aggregate's previous commit by
   * `prevHash`, and `hash` covers its whole content.
   */
  async append(request: AppendRequest): Promise<AppendResult> {
    const subject = this.subjects.aggregate(request.tenantId, request.aggregateType, request.aggregateId);
    const events = request.events.map((e) => this.registry.forWrite(e.type, e.data));
    const { context } = request;
    const prevHash = request.previousHash ?? (await this.hashAt(request.expectedSequence));
    const content: CommitEnvelope = {
      commitId: context.commitId,
      tenantId: request.tenantId,
      aggregateType: request.aggregateType,
      aggregateId: request.aggregateId,
      expectedVersion: request.expectedVersion,
      version: request.expectedVersion + events.length,
      occurredAt: context.occurredAt.toISOString(),
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId ?? null,
      events,
      prevHash,
    };
    const envelope: CommitEnvelope = { ...content, hash: commitHash(content) };
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(currentTraceHeaders())) headers.set(key, value);
    let ack;
    try {
      ack = await this.js.publish(subject, encoder.encode(JSON.stringify(envelope)), {
        msgID: context.commitId,
        expect: { lastSubjectSequence: request.expectedSequence },
        headers,
        timeout: this.options.publishTimeoutMs ?? 5000,
      });
    } catch (error) {
      throw this.translate(error as NatsError, subject, request.expectedSequence);
    }
    if (!ack.duplicate) return { position: ack.seq, version: envelope.version, hash: envelope.hash!, duplicate: false };
    const original = await this.readCommit(ack.seq);
    return { position: ack.seq, version: original.envelope.version, hash: original.hash, duplicate: true };
  }

  /** The commits of one aggregate after `afterSequence`, in order. */
  async readStream(tenantId: string, aggregateType: string, aggregateId: string, afterSequence = 0): Promise<Commit[]> {
    const subject = this.subjects.aggregate(tenantId, aggregateType, aggregateId);
    const commits: Commit[] = [];
    let next = afterSequence + 1;
    for (;;) {
      const message = await this.directGet({ seq: next, next_by_subj: subject });
      if (!message) return commits;
      commits.push(decodeCommit(this.registry, { seq: message.seq, subject, data: message.data, headers: message.headers }));
      next = message.seq + 1;
    }
  }

  /** The commit at a stream position. */
  async readCommit(position: number): Promise<Commit> {
    const message = await this.directGet({ seq: position });
    if (!message) throw new Error(`no commit at position ${position}`);
    return decodeCommit(this.registry, { seq: message.seq, subject: message.subject, data: message.data, headers: message.headers });
  }

  /** The chain link of the commit at a position; the genesis value for 0 (no previous commit). */
  async hashAt(position: number): Promise<string> {
    if (position === 0) return GENESIS_HASH;
    const message = await this.directGet({ seq: position });
    if (!message) throw new Error(`no commit at position ${position}`);
    return linkHash(JSON.parse(new TextDecoder().decode(message.data)));
  }

  /** The stream's last sequence: the position of the newest commit. */
  async headPosition(): Promise<number> {
    const info = await this.jsm.streams.info(this.options.stream);
    return info.state.last_seq;
  }

  private async directGet(query: { seq: number; next_by_subj?: string }) {
    try {
      return await directGet(this.nc, this.options.stream, query);
    } catch (error) {
      throw this.translate(error as NatsError, this.options.stream, 0);
    }
  }

  private translate(error: NatsError, subject: string, expectedSequence: number): Error {
    if (error.api_error?.err_code === WRONG_LAST_SEQUENCE) {
      return new ConcurrencyConflictError(subject, expectedSequence, error.message);
    }
    if (error.code === 'TIMEOUT' || error.code === '503' || error.code === 'CONNECTION_CLOSED') {
      return new EventStoreUnavailableError(`event store did not answer: ${error.message}`);
    }
    return error;
  }
}
