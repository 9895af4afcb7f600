import type { EventRegistry } from '@ragstream/contracts';
import { createLogger, type Logger } from '@ragstream/observability';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { rebuildInBackground } from './background-rebuild';
import { matchBuild } from './build-match';
import { liveBuild, type BuildRecord } from './build-registry';
import type { CheckpointWatcher } from './checkpoint-watcher';
import type { Projection } from './projection';
import { describeError } from './projection-failure';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner';

export interface ProjectionSupervisorOptions {
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly dataSource: DataSource;
  /** For the rebuild's own session; the same database as `dataSource`. */
  readonly connectionString: string;
  readonly schema: string;
  readonly projection: Projection;
  readonly registry: EventRegistry;
  /** Tells the supervisor when a swap (anyone's) made another build live. */
  readonly watcher: CheckpointWatcher;
  /** Recorded on the builds this instance starts, e.g. `projector ip-10-0-0-7 pid 12`. */
  readonly instance: string;
  readonly batchSize?: number;
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly rebuildBatchSize?: number;
  /** How long after a failed (or refused) background rebuild the next attempt starts. */
  readonly rebuildRetryMs?: number;
  readonly logger?: Logger;
}

export type SupervisorState = 'starting' | 'live' | 'rebuilding' | 'waiting' | 'stopped';

export interface SupervisedStatus extends Partial<ProjectionStatus> {
  readonly name: string;
  readonly state: SupervisorState;
  readonly detail?: string;
}

/**
 * Keeps one projection's live build fed. Runs a runner on the live build and moves it to the new
 * one after a swap. When the live build was made by an older code version or another fingerprint,
 * it rebuilds in the background (the live build is then served as it stands: this code cannot
 * extend it) and swaps once caught up. A live build newer than this code is left alone.
 */
export class ProjectionSupervisor {
  private readonly logger: Logger;
  private runner?: ProjectionRunner;
  private rebuild?: { abort: AbortController; done: Promise<void> };
  private chain: Promise<void> = Promise.resolve();
  private state: SupervisorState = 'starting';
  private detail?: string;
  private unsubscribe?: () => void;
  private startedOnce = false;
  private rebuildWanted = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(private readonly options: ProjectionSupervisorOptions) {
    this.logger = (options.logger ?? createLogger('projection-supervisor')).child({ projection: options.projection.name });
  }

  /** Starts feeding (or rebuilding); resolves once the first decision is carried out. */
  async start(): Promise<void> {
    const name = this.options.projection.name;
    this.unsubscribe = this.options.watcher.onLiveBuildChange((projection) => projection === name && this.schedule());
    this.schedule();
    await this.chain;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    clearTimeout(this.retryTimer);
    this.state = 'stopped';
    this.rebuild?.abort.abort();
    await this.chain;
    await this.rebuild?.done;
    await this.runner?.stop();
  }

  status(): SupervisedStatus {
    const runner = this.runner?.status();
    return { ...runner, name: this.options.projection.name, state: this.state, ...(this.detail ? { detail: this.detail } : {}) };
  }

  private schedule(): void {
    this.chain = this.chain.then(() => this.reconcile()).catch((error) => this.logger.error({ err: error }, 'could not follow the live build'));
  }

  private async reconcile(): Promise<void> {
    if (this.state === 'stopped' || this.rebuild) return;
    const live = await liveBuild(this.options.dataSource, this.options.projection.name);
    const firstLook = !this.startedOnce;
    this.startedOnce = true;
    if (!live) return this.feed(1); // the very first start: generation 1 becomes live
    const match = matchBuild(live, this.options.projection);
    // Only a mismatch seen on start asks for a rebuild: after a swap made by an instance configured
    // otherwise (a rolling deploy), rebuilding back would ping-pong between the two.
    if (firstLook) this.rebuildWanted = match === 'older' || match === 'other-fingerprint';
    if (match === 'same') {
      this.rebuildWanted = false;
      return this.feed(live.generation);
    }
    await this.halt();
    if (match === 'newer') return this.wait(`the live build (v${live.version}) is newer than this code (v${this.options.projection.version})`);
    if (!this.rebuildWanted) return this.wait(otherBuild(live, this.options.projection.version, this.options.projection.fingerprint));
    this.startRebuild(live);
  }

  private async feed(generation: number): Promise<void> {
    if (this.runner && this.runner.generation === generation && this.runner.status().running) return;
    await this.halt();
    const { options } = this;
    this.runner = new ProjectionRunner({ ...options, generation, logger: options.logger });
    await this.runner.start();
    this.state = 'live';
    this.detail = undefined;
    this.logger.info({ generation }, 'feeding the live build');
  }

  private async halt(): Promise<void> {
    await this.runner?.stop();
    this.runner = undefined;
  }

  private wait(detail: string): void {
    this.state = 'waiting';
    this.detail = detail;
    this.logger.warn(detail);
  }

  private startRebuild(live: BuildRecord): void {
    const { options } = this;
    const abort = new AbortController();
    this.state = 'rebuilding';
    this.detail = `live build v${live.version} g${live.generation} (fingerprint ${live.fingerprint}) is served as it stands until the rebuild swaps`;
    this.logger.info({ live: { version: live.version, generation: live.generation, fingerprint: live.fingerprint } }, 'rebuilding in the background');
    const rebuild = rebuildInBackground(
      options.dataSource,
      { ...options, startedBy: options.instance, batchSize: options.rebuildBatchSize, consumerBatchSize: options.batchSize, signal: abort.signal, keepOld: false },
      this.logger,
    );
    const done = rebuild.then(
      (result) => {
        if (result !== 'locked') return this.logger.info({ result }, `background rebuild ${result.outcome}`);
        // Checked again later too: the instance holding the lock may die without swapping.
        this.wait('another instance is rebuilding; feeding resumes after its swap');
        return 'retry';
      },
      (error) => {
        this.wait(`background rebuild failed: ${describeError(error)}; retrying later`);
        return 'retry';
      },
    );
    this.rebuild = {
      abort,
      done: done.then((next) => {
        this.rebuild = undefined;
        if (next !== 'retry') return this.schedule();
        this.retryTimer = setTimeout(() => this.schedule(), this.options.rebuildRetryMs ?? 30_000);
        this.retryTimer.unref();
      }),
    };
  }
}

function otherBuild(live: BuildRecord, version: number, configured: string | undefined): string {
  return `the live build (v${live.version}, fingerprint ${live.fingerprint}) was not made by this code (v${version}, fingerprint ${configured ?? 'none'}); restart this projector to rebuild, or align its configuration`;
}
