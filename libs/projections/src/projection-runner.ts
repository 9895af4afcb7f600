import type { EventRegistry } from '@ragstream/contracts';
import { createLogger, type Logger } from '@ragstream/observability';
import { setTimeout as delay } from 'node:timers/promises';
import type { JsMsg, NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { applyBatch, type BatchOutcome, type BatchSettings } from './batch-applier';
import { buildKey, sameBuild } from './build-key';
import { MessagePump } from './message-pump';
import type { Projection } from './projection';
import { ensureProjectionConsumer } from './projection-consumer';
import { describeError } from './projection-failure';
import { prepareProjection } from './projection-setup';

export interface ProjectionRunnerHooks {
  /** Runs after a batch's transaction commits and before its messages are acked; lets tests simulate a crash there. */
  afterCommitBeforeAck?(lastPosition: number): Promise<void>;
}

export interface ProjectionRunnerOptions {
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly dataSource: DataSource;
  readonly projection: Projection;
  /** The build to feed; 1 unless a rebuild made another generation live. */
  readonly generation?: number;
  readonly registry: EventRegistry;
  readonly batchSize?: number;
  /** Deliveries after which a failing message is dead-lettered and skipped. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly logger?: Logger;
  readonly hooks?: ProjectionRunnerHooks;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  /** The checkpoint as this runner last committed or read it. */
  readonly position: number;
  readonly running: boolean;
  /** True once a swap made another build live: this runner stopped writing. */
  readonly retired?: boolean;
  readonly lastError?: string;
}

/** Feeds one build of a projection from its durable consumer into Postgres, batch by batch, exactly once in effect. */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly settings: BatchSettings;
  private readonly logger: Logger;
  private position = 0;
  private lastError?: string;
  private pump?: MessagePump;
  private loop?: Promise<void>;
  private stopping = false;
  private active = false;
  private retired = false;
  private stopper = new AbortController();

  constructor(private readonly options: ProjectionRunnerOptions) {
    const { projection } = options;
    const generation = options.generation ?? 1;
    this.batchSize = options.batchSize ?? 256;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.settings = { dataSource: options.dataSource, projection, generation, registry: options.registry, maxAttempts: options.maxAttempts ?? 5 };
    this.logger = (options.logger ?? createLogger('projection-runner')).child({ projection: projection.name, version: projection.version, generation });
  }

  get generation(): number {
    return this.settings.generation ?? 1;
  }

  /** Creates tables, checkpoint and consumer (activating this version when none is live), then starts consuming. */
  async start(): Promise<void> {
    if (this.loop) throw new Error(`projection ${this.options.projection.name} is already running`);
    const { nc, stream, dataSource, projection } = this.options;
    const prepared = await prepareProjection(dataSource, projection, this.generation);
    this.position = prepared.position;
    this.retired = false;
    if (!sameBuild(prepared.live, buildKey(projection, this.generation))) {
      this.logger.info({ live: prepared.live }, 'feeding a build that is not live');
    }
    const build = buildKey(projection, this.generation);
    const durable = await ensureProjectionConsumer(await nc.jetstreamManager(), stream, build, this.batchSize, prepared.position);
    const consumer = await nc.jetstream().consumers.get(stream, durable);
    this.stopping = false;
    this.stopper = new AbortController();
    this.pump = new MessagePump(consumer, {
      batchSize: this.batchSize,
      retryDelayMs: this.retryDelayMs,
      isClosed: () => nc.isClosed(),
      onError: (error) => {
        this.lastError = describeError(error);
        this.logger.warn({ err: error }, 'pulling from the consumer failed; retrying');
      },
    });
    this.pump.start();
    this.active = true;
    this.loop = this.run(this.pump).finally(() => (this.active = false));
  }

  /** Stops fetching, finishes the messages in hand, then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopper.abort();
    await this.pump?.stop();
    await this.loop;
    this.loop = undefined;
  }

  /** What a health endpoint reports. */
  status(): ProjectionStatus {
    const { name, version } = this.options.projection;
    const status = { name, version, generation: this.generation, position: this.position, running: this.active && !this.stopping };
    const retired = this.retired ? { ...status, retired: true } : status;
    return this.lastError === undefined ? retired : { ...retired, lastError: this.lastError };
  }

  private async run(pump: MessagePump): Promise<void> {
    let givingBack = false;
    for (;;) {
      const batch = await pump.take(this.batchSize);
      if (batch.length === 0) return;
      // Failing while stopping: return what still arrives rather than retry against a sick database.
      if (givingBack) {
        settle(batch, (m) => m.nak());
        continue;
      }
      try {
        await this.handle(pump, batch);
      } catch (error) {
        pump.release();
        this.lastError = describeError(error);
        this.logger.error({ err: error }, 'projection batch failed; its messages come back and the checkpoint skips what committed');
        // Acked messages ignore the nak; the rest return soon instead of after the 30 s ack wait.
        settle(batch, (m) => m.nak(this.retryDelayMs));
        givingBack = this.stopping;
        await delay(this.retryDelayMs, undefined, { signal: this.stopper.signal }).catch(() => undefined);
      }
    }
  }

  private async handle(pump: MessagePump, batch: JsMsg[]): Promise<void> {
    const outcome = await applyBatch(this.settings, batch);
    if (outcome.stoppedBy?.reason === 'retired') return this.retire(pump);
    const progressed = outcome.position > this.position;
    this.position = outcome.position;
    await this.options.hooks?.afterCommitBeforeAck?.(outcome.position);
    for (const message of outcome.done) message.ack();
    if (progressed || outcome.stoppedBy?.reason !== 'gap') pump.release();
    // Behind a gap another instance is usually mid-batch: holding beats a redelivery round trip.
    const held = outcome.stoppedBy?.reason === 'gap' && pump.hold(outcome.retry);
    // Same delay for all, in order, so the retried messages come back in stream order.
    if (!held) for (const message of outcome.retry) message.nak(this.retryDelayMs);
    this.report(outcome);
  }

  /** A swap made another build live: write nothing more here; the supervisor starts a runner on the new build. */
  private retire(pump: MessagePump): void {
    if (!this.retired) this.logger.info('this build was swapped out; the runner stops');
    this.retired = true;
    this.stopping = true;
    this.stopper.abort();
    void pump.stop();
  }

  private report(outcome: BatchOutcome): void {
    for (const letter of outcome.deadLettered) {
      this.logger.error({ position: letter.position, error: letter.error }, 'message dead-lettered after its last attempt');
      this.lastError = `position ${letter.position} dead-lettered: ${letter.error}`;
    }
    const stop = outcome.stoppedBy;
    if (stop?.reason === 'failure') {
      this.logger.warn({ position: stop.position, error: stop.error }, 'message failed; retrying it later');
      this.lastError = `position ${stop.position} failed: ${stop.error}`;
    } else if (stop?.reason === 'gap') {
      this.logger.debug({ waitingFor: stop.position }, 'earlier positions are held elsewhere; holding these until they land');
    } else if (outcome.deadLettered.length === 0) {
      this.lastError = undefined;
    }
  }
}

/** Acks or naks on a possibly closed connection: a lost ack only means a redelivery the checkpoint skips. */
function settle(messages: readonly JsMsg[], action: (message: JsMsg) => void): void {
  for (const message of messages) {
    try {
      action(message);
    } catch {
      // The connection is gone; the server redelivers after the ack wait.
    }
  }
}
